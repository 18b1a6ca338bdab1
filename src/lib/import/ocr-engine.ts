/**
 * What the importer asks of a text-recognition (OCR) engine, and nothing more:
 * a page as an image in, lines with their place out. The pipeline around it
 * (which pages, rendering, running pages side by side, converting back to the
 * page's points) does not know which engine reads, so another one can be put
 * behind this interface without touching it.
 */

/** A page rendered for recognition. */
export interface PageImage {
  /** A grayscale PNG. */
  png: Uint8Array;
  width: number;
  height: number;
  /** Pixels per inch the page was rendered at: engines size their letters by it. */
  dpi: number;
}

/** A recognised line, in pixels of the image: x to the right, y down from its top edge. */
export interface RecognisedLine {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Height of the line's letters, ascenders and descenders included: what a font size measures. */
  letterHeight: number;
  /** The engine's confidence, 0–100. */
  confidence: number;
}

export interface OcrEngine {
  /** How many pages it reads at the same time; the pipeline never hands it more. */
  readonly capacity: number;
  recognise(image: PageImage): Promise<RecognisedLine[]>;
  /** Frees what the engine holds (threads, models). */
  close(): Promise<void>;
}
