/**
 * Tesseract (tesseract.js, WebAssembly in worker threads) as the OCR engine,
 * with the Dutch model installed from npm (@tesseract.js-data/nld): nothing is
 * downloaded while an import runs, and nothing is cached on disk, so reading a
 * scan works offline and leaves no files behind.
 *
 * One worker thread reads one page at a time; there are as many workers as
 * pages may be read at once. They start when first needed (a worker takes
 * about half a second to load the model) and are kept for the next page and
 * the next file, until close().
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrEngine, PageImage, RecognisedLine } from './ocr-engine';

const require = createRequire(import.meta.url);

/**
 * The "best" LSTM model, stored as integers: what tesseract.js itself would
 * fetch for the LSTM engine. The package's other folder adds the legacy
 * engine's data, which the LSTM engine does not use.
 */
export function dutchModelFolder(): string {
  return join(dirname(require.resolve('@tesseract.js-data/nld/package.json')), '4.0.0_best_int');
}

export function tesseractEngine(options: { workers: number }): OcrEngine {
  const capacity = Math.max(1, Math.floor(options.workers));
  const idle: Worker[] = [];
  const all: Array<Promise<Worker>> = [];
  let closed = false;

  const start = () =>
    createWorker('nld', OEM.LSTM_ONLY, {
      langPath: dutchModelFolder(),
      gzip: true,
      // No copy of the model in the working folder, and no lookup of one there.
      cacheMethod: 'none',
      // Without a handler tesseract.js throws a failed page out of its message loop, which ends the process.
      errorHandler: () => {},
    });

  const take = (): Promise<Worker> => {
    const worker = idle.pop();
    if (worker) return Promise.resolve(worker);
    const started = start();
    all.push(started);
    return started;
  };

  return {
    capacity,
    async recognise(image: PageImage): Promise<RecognisedLine[]> {
      if (closed) throw new Error('tekstherkenning is al afgesloten');
      const worker = await take();
      try {
        const { data } = await worker.recognize(
          Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength),
          // Passed on to Tesseract for this page only: the resolution it sizes letters by.
          { user_defined_dpi: String(Math.round(image.dpi)) } as Record<string, string>,
          { text: false, blocks: true },
        );
        const lines: RecognisedLine[] = [];
        for (const block of data.blocks ?? []) {
          for (const paragraph of block.paragraphs) {
            for (const line of paragraph.lines) {
              const { x0, y0, x1, y1 } = line.bbox;
              lines.push({
                text: line.text,
                left: x0,
                top: y0,
                right: x1,
                bottom: y1,
                letterHeight: line.rowAttributes?.rowHeight || y1 - y0,
                confidence: line.confidence,
              });
            }
          }
        }
        return lines;
      } finally {
        // After close() every worker, this one included, is being terminated.
        if (!closed) idle.push(worker);
      }
    },
    async close() {
      closed = true;
      const workers = await Promise.allSettled(all);
      await Promise.all(workers.map((worker) => (worker.status === 'fulfilled' ? worker.value.terminate().catch(() => {}) : undefined)));
      idle.length = 0;
    },
  };
}
