import { stringify } from 'csv-stringify/sync';
import { PROGRESS_CSV_COLUMNS } from './progress-csv.js';

export type TemplateRow = { id: string; title: string; unit: string; latest: number | null; target: number };

// Columns after ours are for the person filling the file in; the import ignores columns it does not know.
const READER_COLUMNS = ['commitment', 'unit', 'latest_value', 'target'] as const;

/**
 * A progress file to fill in (pure): one row per commitment, its id filled, the date, value, evidence and
 * note left empty, and the commitment's title, unit, latest value and target beside them to read. Sent
 * back unfilled, each row is refused with its reason; nothing is written.
 */
export function progressTemplateCsv(rows: TemplateRow[]): string {
  return stringify(
    rows.map((r) => [r.id, '', '', '', '', r.title, r.unit, r.latest ?? '', r.target]),
    { header: true, columns: [...PROGRESS_CSV_COLUMNS, ...READER_COLUMNS], bom: true, record_delimiter: 'windows' },
  );
}
