import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { text, uuid } from '../shared/fields.js';
import { toFieldErrors } from '../shared/validation.js';
import { isIsoDate } from './iso-date.js';

/**
 * Bulk progress updates from a CSV file (pure: no database). One format for every interface language:
 * the header names below, in English, as in the template the page offers; header case, spaces and
 * hyphens do not matter ("Commitment ID" is commitment_id). Excel's ways are accepted: a BOM, ";"
 * (or tab) separators with a decimal comma, CRLF line ends. Whether each commitment exists, and writing
 * each row, is the import service's job.
 */

export const MAX_PROGRESS_CSV_BYTES = 2 * 1024 * 1024;
export const MAX_PROGRESS_CSV_ROWS = 10_000;
export const PROGRESS_CSV_COLUMNS = ['commitment_id', 'date', 'value', 'evidence_url', 'note'] as const;
const REQUIRED_COLUMNS = ['commitment_id', 'date', 'value'] as const;
const MAX_URL = 2048;
const MAX_NOTE = 1000;

type Column = (typeof PROGRESS_CSV_COLUMNS)[number];

export type ProgressUpdate = { commitmentId: string; date: string; value: number; evidenceUrl: string | null; note: string | null };
/** `field` is a column name, or "_" for the row as a whole; `message` a message key ("key:detail" fills {max}/{detail}). */
export type RowError = { field: string; message: string };
export type ProgressCsvRow = { line: number; ok: true; update: ProgressUpdate } | { line: number; ok: false; errors: RowError[] };
export type FileError = { message: string; line?: number };
/** With file errors there are no rows: nothing of such a file is imported. */
export type ProgressCsvResult = { rows: ProgressCsvRow[]; fileErrors: FileError[] };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function rowSchema(today: string, isDecimalComma: boolean) {
  const cell = z.string().trim();
  const required = cell.min(1, { error: 'validation.required' });
  return z.object({
    commitment_id: required.pipe(uuid).transform((id) => id.toLowerCase()),
    date: required
      .refine(isIsoDate, { error: 'validation.iso_date', abort: true })
      .refine((d) => d <= today, { error: 'validation.date_future' }),
    value: required.transform((raw, ctx) => {
      // With ";" or tab separators Excel writes 12,5 for 12.5; with "," a comma could only be a thousands separator.
      const s = isDecimalComma && !raw.includes('.') ? raw.replace(/^([^,]*),([^,]*)$/, '$1.$2') : raw;
      const n = Number(s);
      if (!NUMBER.test(s) || !Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: 'validation.number' });
        return z.NEVER;
      }
      return n;
    }),
    evidence_url: cell.transform((s) => s || null).pipe(
      z.string()
        .max(MAX_URL)
        .refine((u) => !/\s/.test(u), { error: 'validation.url', abort: true }) // two links in one cell, or a typo
        .pipe(z.httpUrl({ error: 'validation.url' }))
        .nullable(),
    ),
    note: text(MAX_NOTE).transform((s) => s || null),
  });
}

/** The name a header cell stands for: "Commitment ID " → commitment_id. */
const columnName = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The separator the header uses: the most frequent of ",", ";" and tab on the first line. */
function delimiterOf(content: string): string {
  const firstLine = content.slice(0, content.search(/\n|$/));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/** The file as text, or the reason it cannot be read as CSV. */
function decode(input: Uint8Array | string): string | FileError {
  if (typeof input === 'string') return input.includes('\u0000') ? { message: 'csv.not_csv' } : input.replace(/^\uFEFF/, '');
  // Excel's "Unicode text" is UTF-16: it would decode to noise, so say what to save instead.
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) return { message: 'csv.encoding' };
  if (input.includes(0)) return { message: 'csv.not_csv' }; // a spreadsheet, a PDF, an image
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    // Windows code pages (1252 for French, 1256 for Arabic) cannot be told apart: refuse rather than garble notes.
    return { message: 'csv.encoding' };
  }
}

type ParsedRecord = { record: string[]; info: { lines: number } };

function headerErrors(header: string[]): { columns: Partial<Record<Column, number>>; errors: FileError[] } {
  const columns: Partial<Record<Column, number>> = {};
  const errors: FileError[] = [];
  header.forEach((h, i) => {
    const name = columnName(h) as Column;
    if (!PROGRESS_CSV_COLUMNS.includes(name)) return; // other columns (a spreadsheet's own) are ignored
    if (columns[name] !== undefined) errors.push({ message: `csv.duplicate_column:${name}`, line: 1 });
    else columns[name] = i;
  });
  // A first row that names none of our columns is data, or another file: one clear message, not three.
  if (Object.keys(columns).length === 0) return { columns, errors: [{ message: 'csv.no_header', line: 1 }] };
  for (const name of REQUIRED_COLUMNS) if (columns[name] === undefined) errors.push({ message: `csv.missing_column:${name}` });
  return { columns, errors };
}

/**
 * Reads and checks every row of a bulk progress file; `today` (YYYY-MM-DD, in the node's time zone)
 * bounds the dates. File errors (csv.too_large, csv.encoding, csv.not_csv, csv.unclosed_quote, csv.empty, csv.no_header,
 * csv.missing_column, csv.duplicate_column, csv.too_many_rows) leave no rows; otherwise each row is ok
 * with its update or carries its errors, with the line it starts on (the header is line 1).
 * Errors: invalid when `today` is not a date (a caller's mistake, not the file's).
 */
export function parseProgressCsv(input: Uint8Array | string, options: { today: string }): ProgressCsvResult {
  if (!isIsoDate(options.today)) throw new DomainError('invalid', 'error.invalid', { today: 'validation.iso_date' });
  const fail = (e: FileError): ProgressCsvResult => ({ rows: [], fileErrors: [e] });
  const bytes = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (bytes > MAX_PROGRESS_CSV_BYTES) return fail({ message: `csv.too_large:${MAX_PROGRESS_CSV_BYTES / 1024 / 1024}` });
  const decoded = decode(input);
  if (typeof decoded !== 'string') return fail(decoded);
  if (decoded.trim() === '') return fail({ message: 'csv.empty' });

  // One kind of line end: csv-parse 7 counts a CRLF inside quotes as two lines, which would shift every line after.
  const content = decoded.replace(/\r\n?/g, '\n');
  const delimiter = delimiterOf(content);
  let records: ParsedRecord[];
  let lastLine = 0;
  try {
    records = parse(content, {
      delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as ParsedRecord[];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // An unclosed quote is found at the end of the file; the record after the last good one is where it opened.
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') return fail({ message: 'csv.unclosed_quote', line: lastLine + 1 });
    return fail({ message: 'csv.not_csv', line: (e as CsvError & { lines?: number }).lines });
  }
  const [head, ...data] = records;
  if (!head) return fail({ message: 'csv.empty' });
  const { columns, errors } = headerErrors(head.record);
  if (errors.length) return { rows: [], fileErrors: errors };
  if (data.length > MAX_PROGRESS_CSV_ROWS) return fail({ message: `csv.too_many_rows:${MAX_PROGRESS_CSV_ROWS}` });

  const schema = rowSchema(options.today, delimiter !== ',');
  const rows = data.map(({ record, info }): ProgressCsvRow => {
    // csv-parse gives the line a record ends on; a quoted note can span lines, and the reader wants the first.
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    if (record.slice(head.record.length).some((cell) => cell.trim() !== '')) {
      return { line, ok: false, errors: [{ field: '_', message: `csv.extra_cells:${head.record.length}` }] };
    }
    const cells = Object.fromEntries(PROGRESS_CSV_COLUMNS.map((c) => [c, columns[c] === undefined ? '' : (record[columns[c]] ?? '')]));
    const parsed = schema.safeParse(cells);
    if (!parsed.success) {
      const fields = toFieldErrors(parsed.error);
      return { line, ok: false, errors: PROGRESS_CSV_COLUMNS.filter((c) => fields[c]).map((c) => ({ field: c, message: fields[c]! })) };
    }
    const u = parsed.data;
    return { line, ok: true, update: { commitmentId: u.commitment_id, date: u.date, value: u.value, evidenceUrl: u.evidence_url, note: u.note } };
  });
  return { rows, fileErrors: [] };
}
