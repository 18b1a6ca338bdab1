/**
 * A register as a download, in the same form as the datasets: CSV that Dutch
 * Excel opens as it is (UTF-8 with BOM, semicolons, CRLF) and JSON with what
 * the figures mean and the date they were counted to.
 */
type Value = string | number | null;

function csvValue(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function registerToCsv<K extends string>(columns: ReadonlyArray<readonly [K, string]>, rows: ReadonlyArray<Record<K, Value>>): string {
  const lines = [columns.map(([, label]) => csvValue(label)).join(';'), ...rows.map((row) => columns.map(([id]) => csvValue(row[id])).join(';'))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function registerToJson<K extends string>(
  meta: { titel: string; beschrijving: string; standOp: string; licentie: string; uitgever: string; [extra: string]: unknown },
  columns: ReadonlyArray<readonly [K, string]>,
  rows: ReadonlyArray<Record<K, Value>>,
): string {
  return JSON.stringify({ ...meta, kolommen: columns.map(([id, label]) => ({ id, label })), rijen: rows }, null, 2) + '\n';
}
