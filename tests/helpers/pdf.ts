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
