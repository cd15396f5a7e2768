/**
 * CSV as RFC 4180 describes it: fields separated by commas, records ended by CRLF, a field quoted with double quotes
 * when it holds a comma, a quote, CR or LF (quotes inside doubled), and a header record. UTF-8 without a byte-order
 * mark. A field that starts with =, +, - or @ is written as it is: the export is a record, not a spreadsheet, and
 * its README warns against opening it in a spreadsheet that runs formulas.
 */
export type CsvValue = string | number | boolean | null;

export function csvField(value: CsvValue): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return [columns, ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
