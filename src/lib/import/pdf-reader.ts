/**
 * A PDF letter as blocks, from its text layer (Mozilla's pdf.js). A PDF has
 * lines, not paragraphs: a line that ends well before the right margin, a
 * wider gap above the next line, or a line that starts like a label, a
 * question or a list item, ends a paragraph. Tables cannot be told from
 * text in a PDF, so they stay text; the Word file gives them as tables.
 */
import { ImportProblem, escapeMarkdown, type Block, type ReadLetter } from './blocks';

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  page: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

async function pdfLines(data: Buffer): Promise<Line[]> {
  const { getDocument, VerbosityLevel }: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(data), verbosity: VerbosityLevel.ERRORS, disableFontFace: true, useSystemFonts: false, useWasm: false });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    if ((error as { name?: string }).name === 'PasswordException') {
      throw new ImportProblem('de pdf is beveiligd met een wachtwoord', 'Vraag de afzender om een pdf zonder wachtwoord, of open hem en sla hem op zonder beveiliging.');
    }
    throw new ImportProblem('de pdf is beschadigd en kan niet worden gelezen', 'Open hem in een pdf-lezer; lukt dat, exporteer of print hem dan opnieuw als pdf.');
  }
  try {
    const lines: Line[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let line: Line | undefined;
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [a, b, , , x, y] = item.transform as number[];
        const size = Math.hypot(a!, b!) || 1;
        if (line && Math.abs(y! - line.y) <= size / 2) {
          if (x! - line.right > size * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(item.str)) line.text += ' ';
          line.text += item.str;
          line.right = Math.max(line.right, x! + item.width);
          continue;
        }
        if (line) lines.push(line);
        line = { text: item.str, x: x!, right: x! + item.width, y: y!, size, page: number };
      }
      if (line) lines.push(line);
      page.cleanup();
    }
    return lines.map((l) => ({ ...l, text: l.text.replace(/\u00ad/g, '').replace(/[\s\u00a0]+/g, ' ').trim() })).filter((l) => l.text);
  } finally {
    await task.destroy();
  }
}

/** Lines that begin a paragraph of their own, whatever the layout says. */
const STARTS_BLOCK = /^(?:(?:Ons |Uw )?kenmerk|Datum|Onderwerp|Betreft|Bijlagen?|Aan|Verzonden|Contactpersoon|Telefoon|E-?mail|Geachte|Beste|Met vriendelijke groet|Hoogachtend|Vraag\s*\d+|Antwoord|\d{1,2}[.)]\s|[•▪◦·–-]\s|(?:de |het )?(?:secretaris|burgemeester|wethouder|griffier|gemeentesecretaris)\b)/i;
const BULLET = /^[•▪◦·–-]\s+/;

export function linesToBlocks(lines: ReadonlyArray<Line>): Block[] {
  const blocks: Block[] = [];
  const widest = Math.max(...lines.map((l) => l.right));
  let paragraph: string[] = [];
  const flush = () => {
    if (!paragraph.length) return;
    // A word broken at the end of a line is joined again; a dash between words stays.
    const text = paragraph.reduce((all, line) => (/[a-zà-ÿ]-$/.test(all) && /^[a-zà-ÿ]/.test(line) ? all.slice(0, -1) + line : `${all} ${line}`)).trim();
    const bullet = BULLET.exec(text);
    if (bullet) {
      const item = { text: text.slice(bullet[0].length), markdown: escapeMarkdown(text.slice(bullet[0].length)) };
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'list' && !last.ordered) last.items.push(item);
      else blocks.push({ kind: 'list', ordered: false, items: [item] });
    } else {
      blocks.push({ kind: 'paragraph', text, markdown: escapeMarkdown(text) });
    }
    paragraph = [];
  };
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = previous && previous.page === line.page ? previous.y - line.y : Infinity;
    const newBlock = !previous || gap > line.size * 1.6 || STARTS_BLOCK.test(line.text) || previous.right < widest - line.size * 8 || Math.abs(line.x - previous.x) > line.size * 2;
    if (newBlock) flush();
    paragraph.push(line.text);
  });
  flush();
  return blocks;
}

export async function readPdf(data: Buffer): Promise<ReadLetter> {
  if (data.subarray(0, 5).toString('latin1') !== '%PDF-') throw new ImportProblem('het bestand is geen echte pdf', 'Exporteer de brief opnieuw als pdf, of importeer het Word-bestand.');
  const lines = await pdfLines(data);
  if (!lines.some((l) => /[\p{L}\p{N}]/u.test(l.text))) {
    throw new ImportProblem('de pdf heeft geen tekstlaag: het is waarschijnlijk een scan', 'Laat er eerst tekstherkenning (OCR) op los, bijvoorbeeld met de scanner of Adobe Acrobat (“Scan en OCR”), of importeer het Word-bestand van de brief.');
  }
  return { blocks: linesToBlocks(lines), footnotes: new Map(), images: [], notes: ['Een pdf heeft geen opmaak die het archief kan lezen: controleer kopjes, opsommingen en tabellen met de brief ernaast.'] };
}
