/**
 * PDFs written byte by byte, for the tests of what an archive refuses: the
 * active content sits exactly where a real file would put it, in a classic
 * object table or packed into a compressed object stream.
 */
import { deflateSync } from 'node:zlib';

export interface PdfSpec {
  /** Object bodies by number; 1 must be the catalog. */
  objects: Record<number, string>;
  /** Numbers of the objects to pack into one compressed object stream (needs a cross-reference stream). */
  packed?: number[];
}

/** One page with a line of text, as objects 1–5; add more objects from 6 and pass extra catalog or page entries. */
export function onePage(extra: { catalog?: string; page?: string; objects?: Record<number, string>; lines?: string[] } = {}): Record<number, string> {
  const lines = extra.lines ?? ['Geachte raadsleden,'];
  const text = `BT /F1 11 Tf 14 TL 72 770 Td ${lines.map((line) => `(${line.replace(/([\\()])/g, '\\$1')}) Tj T*`).join(' ')} ET`;
  return {
    1: `<< /Type /Catalog /Pages 2 0 R ${extra.catalog ?? ''} >>`,
    2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    3: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${extra.page ?? ''} >>`,
    4: `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    5: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ...extra.objects,
  };
}

export function buildPdf(spec: PdfSpec): Buffer {
  const numbers = Object.keys(spec.objects).map(Number).sort((a, b) => a - b);
  const packed = new Set(spec.packed ?? []);
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets = new Map<number, number>();
  const write = (number: number, body: string | Buffer) => {
    offsets.set(number, length);
    const bytes = Buffer.concat([Buffer.from(`${number} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(bytes);
    length += bytes.length;
  };
  for (const number of numbers) if (!packed.has(number)) write(number, spec.objects[number]!);

  const size = Math.max(...numbers) + (packed.size ? 3 : 1);
  if (!packed.size) {
    const xref = length;
    const rows = ['0000000000 65535 f \n'];
    for (let n = 1; n < size; n++) rows.push(offsets.has(n) ? `${String(offsets.get(n)).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n');
    chunks.push(Buffer.from(`xref\n0 ${size}\n${rows.join('')}trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(chunks);
  }

  // Object stream: "number offset" pairs, then the bodies, deflated.
  const streamNumber = size - 2;
  const xrefNumber = size - 1;
  const inStream = numbers.filter((n) => packed.has(n));
  let body = '';
  const pairs: string[] = [];
  for (const n of inStream) {
    pairs.push(`${n} ${body.length}`);
    body += `${spec.objects[n]}\n`;
  }
  const header = `${pairs.join(' ')}\n`;
  const deflated = deflateSync(Buffer.from(header + body, 'latin1'));
  write(streamNumber, Buffer.concat([Buffer.from(`<< /Type /ObjStm /N ${inStream.length} /First ${header.length} /Filter /FlateDecode /Length ${deflated.length} >>\nstream\n`, 'latin1'), deflated, Buffer.from('\nendstream', 'latin1')]));

  // Cross-reference stream with fields of 1, 4 and 2 bytes.
  const xrefOffset = length;
  offsets.set(xrefNumber, xrefOffset);
  const rows = Buffer.alloc(size * 7);
  for (let n = 0; n < size; n++) {
    const row = n * 7;
    if (packed.has(n)) {
      rows.writeUInt8(2, row);
      rows.writeUInt32BE(streamNumber, row + 1);
      rows.writeUInt16BE(inStream.indexOf(n), row + 5);
    } else if (offsets.has(n)) {
      rows.writeUInt8(1, row);
      rows.writeUInt32BE(offsets.get(n)!, row + 1);
    } else {
      rows.writeUInt16BE(n === 0 ? 65535 : 0, row + 5);
    }
  }
  const xref = Buffer.concat([
    Buffer.from(`${xrefNumber} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] /Root 1 0 R /Length ${rows.length} >>\nstream\n`, 'latin1'),
    rows,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'),
  ]);
  chunks.push(xref);
  return Buffer.concat(chunks);
}

/** A line of a letter page: where it stands (points from the top left), its size and weight. */
export interface PdfLine {
  /** The text, or a TJ array whose numbers move the next glyphs left (in thousandths of the size), as letter-spaced type does: ['Da', -250, 'tum']. */
  text: string | Array<string | number>;
  x?: number;
  /** Top of the line, in points from the page's top edge. */
  y: number;
  size?: number;
  bold?: boolean;
}

/** WinAnsi codes for the characters beyond Latin-1 a Dutch letter uses. */
const WIN_ANSI: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97 };
const pdfString = (text: string) =>
  `(${[...text]
    .map((c) => (WIN_ANSI[c] ? `\\${WIN_ANSI[c].toString(8)}` : c.charCodeAt(0) > 255 ? '?' : c.replace(/([\\()])/g, '\\$1')))
    .join('')})`;

/**
 * A letter of several A4 pages, each line placed where the spec says, in
 * Helvetica or Helvetica-Bold. A page given as null is a scan: an image-like
 * grey area without text.
 */
export function letterPdf(pages: Array<PdfLine[] | null>): Buffer {
  const objects: Record<number, string> = {
    1: '<< /Type /Catalog /Pages 2 0 R >>',
    3: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    4: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  };
  const kids: string[] = [];
  pages.forEach((lines, i) => {
    const page = 10 + i * 2;
    const content =
      lines === null
        ? '0.85 g 40 40 515 762 re f 0.2 g 80 700 300 12 re f 80 680 380 12 re f'
        : lines
            .map((line) => {
              const size = line.size ?? 11;
              const show = typeof line.text === 'string' ? `${pdfString(line.text)} Tj` : `[${line.text.map((part) => (typeof part === 'number' ? String(part) : pdfString(part))).join(' ')}] TJ`;
              return `BT /${line.bold ? 'F2' : 'F1'} ${size} Tf 1 0 0 1 ${line.x ?? 72} ${(842 - line.y - size * 0.8).toFixed(2)} Tm ${show} ET`;
            })
            .join('\n');
    objects[page] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>`;
    objects[page + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
    kids.push(`${page} 0 R`);
  });
  objects[2] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  return buildPdf({ objects });
}
