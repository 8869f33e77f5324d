import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse';
import { DomainError } from '../../errors.js';

/**
 * The largest Polis file we read: 200 MB. The biggest public Polis conversations have votes.csv files
 * of a few tens of MB; a file past this is more likely a mistake than a conversation, and its votes
 * would be held in memory for the analysis (the CSV parser reads about 6 MB/s here: 200 MB ≈ 35 s).
 */
export const MAX_POLIS_FILE_BYTES = 200 * 1024 * 1024;

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export const invalid = (message: string) => new DomainError('invalid', message);

/** A CSV file's name and header; rows come one at a time with the line they end on. */
export type CsvTable = { file: string; header: string[] };
export type CsvRow = { line: number; cells: string[] };

/**
 * Streams one CSV file of a Polis export folder: `start` sees the header and returns the handler of
 * each row, so a large votes.csv is never held whole. Returns the number of rows. Errors: invalid —
 * the file is missing, larger than MAX_POLIS_FILE_BYTES, not CSV (unclosed quote, rows of different
 * lengths) or empty; and whatever the handlers throw.
 */
export async function readCsvFile(dir: string, file: string, maxBytes: number, start: (table: CsvTable) => (row: CsvRow) => void): Promise<number> {
  const full = path.join(dir, file);
  const info = await stat(full).catch(() => null);
  if (!info || !info.isFile()) throw invalid(`The Polis folder ${dir} has no ${file}.`);
  if (info.size > maxBytes) throw invalid(`${file} is ${size(info.size)}; the limit is ${size(maxBytes)}.`);
  const source = createReadStream(full);
  const parser = source.pipe(parse({ bom: true, info: true, skip_empty_lines: true }));
  source.on('error', (e) => parser.destroy(e)); // pipe() does not pass read errors on
  let onRow: ((row: CsvRow) => void) | null = null;
  let rows = 0;
  try {
    for await (const { record, info: at } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!onRow) onRow = start({ file, header: record.map((h) => h.trim()) });
      else {
        onRow({ line: at.lines, cells: record });
        rows++;
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw invalid(`${file} is not a valid CSV file: ${(e as Error).message}`);
  } finally {
    source.destroy();
  }
  if (!onRow) throw invalid(`${file} is empty.`);
  return rows;
}

/** Positions of the named columns. Errors: invalid, naming the first column missing from the header. */
export function columnsOf<K extends string>(table: CsvTable, names: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of names) {
    const i = table.header.indexOf(name);
    if (i < 0) throw invalid(`${table.file} has no "${name}" column; expected a header with ${names.join(',')}.`);
    out[name] = i;
  }
  return out;
}

/** A cell that must be a whole number (≥ 0 unless `signed`). Errors: invalid, with file, line and column. */
export function integerCell(table: CsvTable, row: CsvRow, column: number, signed = false): number {
  const raw = (row.cells[column] ?? '').trim();
  if (!(signed ? /^-?\d+$/ : /^\d+$/).test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw invalid(`${table.file} line ${row.line}, column "${table.header[column]}": "${raw.slice(0, 40)}" is not a whole number.`);
  }
  return Number(raw);
}

/** A vote cell: −1, 0 or 1 (or empty when `allowEmpty`). Errors: invalid, with file, line and column. */
export function voteCell(table: CsvTable, row: CsvRow, column: number, allowEmpty = false): -1 | 0 | 1 | null {
  const raw = (row.cells[column] ?? '').trim();
  if (raw === '' && allowEmpty) return null;
  if (raw === '1' || raw === '0' || raw === '-1') return Number(raw) as -1 | 0 | 1;
  throw invalid(`${table.file} line ${row.line}, column "${table.header[column]}": "${raw.slice(0, 40)}" is not a vote (1, 0 or -1).`);
}
