import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { MAX_PROGRESS_CSV_BYTES, type ProgressCsvRow, parseProgressCsv } from './progress-csv.js';

const ID = '6f1c2a9e-3b4d-4c5e-8f70-112233445566';
const ID2 = '0a0b0c0d-1e1f-4a2b-9c3d-445566778899';
const today = '2025-06-30';
const HEADER = 'commitment_id,date,value,evidence_url,note';
const read = (csv: string | Uint8Array) => parseProgressCsv(csv, { today });
const errorsOf = (row: ProgressCsvRow | undefined) => (row && !row.ok ? row.errors : null);
/** The errors of a one-row file whose row is `cells` under the full header. */
const rowErrors = (cells: string) => errorsOf(read(`${HEADER}\n${cells}\n`).rows[0]);

describe('parseProgressCsv: rows', () => {
  it('reads valid rows into updates, with the line each starts on', () => {
    const result = read(`${HEADER}\n${ID.toUpperCase()},2025-03-15,42.5,https://example.org/report.pdf,Second survey\n${ID2},2025-06-30,-3,,\n`);
    expect(result).toEqual({
      fileErrors: [],
      rows: [
        { line: 2, ok: true, update: { commitmentId: ID, date: '2025-03-15', value: 42.5, evidenceUrl: 'https://example.org/report.pdf', note: 'Second survey' } },
        { line: 3, ok: true, update: { commitmentId: ID2, date: '2025-06-30', value: -3, evidenceUrl: null, note: null } },
      ],
    });
  });

  it('accepts what Excel writes in French locales: BOM, ";", decimal comma, CRLF, spaced header names', () => {
    const text = '\uFEFFCommitment ID;Date;Value;Evidence URL;Note\r\n'
      + `${ID};2025-01-31;12,5;;"Relevé ; deuxième\r\npassage"\r\n`
      + '\r\n'
      + ';;;;\r\n'
      + `${ID2};2025-02-28;7;;\r\n`;
    const result = read(new TextEncoder().encode(text));
    expect(result.fileErrors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, ok: true, update: { commitmentId: ID, date: '2025-01-31', value: 12.5, evidenceUrl: null, note: 'Relevé ; deuxième\npassage' } },
      { line: 6, ok: true, update: { commitmentId: ID2, date: '2025-02-28', value: 7, evidenceUrl: null, note: null } },
    ]);
  });

  it('accepts tabs, optional columns left out, and columns of its own', () => {
    const result = read(`Date\tValue\tCommitment_ID\tOur reference\n2025-01-01\t3\t${ID}\tX-12\n`);
    expect(result.rows).toEqual([{ line: 2, ok: true, update: { commitmentId: ID, date: '2025-01-01', value: 3, evidenceUrl: null, note: null } }]);
  });

  it('reports each wrong cell with its column and message key, in column order', () => {
    expect(rowErrors('not-an-id,15/03/2025,abc,ftp://example.org/x,')).toEqual([
      { field: 'commitment_id', message: 'validation.invalid_id' },
      { field: 'date', message: 'validation.iso_date' },
      { field: 'value', message: 'validation.number' },
      { field: 'evidence_url', message: 'validation.url' },
    ]);
    expect(rowErrors(',,,,')).toBeNull(); // a row of empty cells is skipped, as a spreadsheet's blank row
    expect(rowErrors(`${ID},,, ,`)).toEqual([{ field: 'date', message: 'validation.required' }, { field: 'value', message: 'validation.required' }]);
    expect(rowErrors(`,2025-01-01,1,,`)).toEqual([{ field: 'commitment_id', message: 'validation.required' }]);
  });

  it('wants real dates, not after today', () => {
    expect(rowErrors(`${ID},2025-02-30,1,,`)).toEqual([{ field: 'date', message: 'validation.iso_date' }]);
    expect(rowErrors(`${ID},2025-07-01,1,,`)).toEqual([{ field: 'date', message: 'validation.date_future' }]);
    expect(rowErrors(`${ID},2025-06-30,1,,`)).toBeNull();
  });

  it('wants plain finite numbers', () => {
    for (const v of ['abc', '0x10', 'Infinity', '1e400', '12 %', '"1,5"', '"1,250"', '1.2.3']) {
      expect(rowErrors(`${ID},2025-01-01,${v},,`), v).toEqual([{ field: 'value', message: 'validation.number' }]);
    }
    expect(read(`${HEADER}\n${ID},2025-01-01,1e3,,\n`).rows[0]).toMatchObject({ ok: true, update: { value: 1000 } });
    expect(read(`${HEADER}\n${ID},2025-01-01,+.5,,\n`).rows[0]).toMatchObject({ ok: true, update: { value: 0.5 } });
  });

  it('wants http(s) links of reasonable length', () => {
    for (const u of ['javascript:alert(1)', 'example.org/report', '"http://example.org/a b"', 'mailto:a@example.org']) {
      expect(rowErrors(`${ID},2025-01-01,1,${u},`), u).toEqual([{ field: 'evidence_url', message: 'validation.url' }]);
    }
    expect(rowErrors(`${ID},2025-01-01,1,https://example.org/${'a'.repeat(2048)},`)).toEqual([{ field: 'evidence_url', message: 'validation.too_long:2048' }]);
    expect(rowErrors(`${ID},2025-01-01,1,http://example.org/a?b=c#d,`)).toBeNull();
  });

  it('limits notes to 1,000 characters of plain text', () => {
    expect(rowErrors(`${ID},2025-01-01,1,,${'é'.repeat(1000)}`)).toBeNull();
    expect(rowErrors(`${ID},2025-01-01,1,,${'é'.repeat(1001)}`)).toEqual([{ field: 'note', message: 'validation.too_long:1000' }]);
    expect(rowErrors(`${ID},2025-01-01,1,,bell\u0007`)).toEqual([{ field: 'note', message: 'validation.control_chars' }]);
  });

  it('refuses a row with more cells than the header, unless the extra cells are empty', () => {
    expect(rowErrors(`${ID},2025-01-01,1,,note,surplus`)).toEqual([{ field: '_', message: 'csv.extra_cells:5' }]);
    expect(rowErrors(`${ID},2025-01-01,1,,note,,`)).toBeNull();
    expect(read(`commitment_id,date,value\n${ID},2025-01-01\n`).rows[0]).toEqual({ line: 2, ok: false, errors: [{ field: 'value', message: 'validation.required' }] });
  });

  it('checks every row of a file with good and bad rows, keeping their lines', () => {
    const result = read(`${HEADER}\n${ID},2025-01-01,1,,\n${ID},2025-01-02,x,,\n\n${ID},2025-01-03,3,,\n`);
    expect(result.rows.map((r) => [r.line, r.ok])).toEqual([[2, true], [3, false], [5, true]]);
  });
});

describe('parseProgressCsv: file errors', () => {
  const fileErrors = (csv: string | Uint8Array) => {
    const result = read(csv);
    expect(result.rows).toEqual([]);
    return result.fileErrors;
  };

  it('refuses files too large or with too many rows', () => {
    expect(fileErrors(`${HEADER}\n${'x'.repeat(MAX_PROGRESS_CSV_BYTES)}`)).toEqual([{ message: 'csv.too_large:2' }]);
    const row = `${ID},2025-01-01,1,,\n`;
    expect(fileErrors(HEADER + '\n' + row.repeat(10_001))).toEqual([{ message: 'csv.too_many_rows:10000' }]);
    expect(read(HEADER + '\n' + row.repeat(10_000)).rows).toHaveLength(10_000);
  });

  it('refuses what is not UTF-8 text', () => {
    expect(fileErrors(new Uint8Array([0xff, 0xfe, 0x63, 0x00]))).toEqual([{ message: 'csv.encoding' }]); // UTF-16
    expect(fileErrors(new Uint8Array([...new TextEncoder().encode(`${HEADER}\n${ID},2025-01-01,1,,Relev`), 0xe9]))).toEqual([{ message: 'csv.encoding' }]); // Windows-1252
    expect(fileErrors(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual([{ message: 'csv.not_csv' }]); // an .xlsx (zip)
    expect(fileErrors('a\u0000b')).toEqual([{ message: 'csv.not_csv' }]);
  });

  it('refuses text that is not CSV, naming the line', () => {
    expect(fileErrors(`${HEADER}\n${ID},2025-01-01,1,,\n${ID},2025-01-02,1,,"unclosed\n${ID},2025-01-03,1,,\n`))
      .toEqual([{ message: 'csv.unclosed_quote', line: 3 }]);
    expect(fileErrors(`${HEADER}\n${ID},2025-01-01,1,,"a"b\n`)).toEqual([{ message: 'csv.not_csv', line: 2 }]);
  });

  it('refuses empty files and files without our header', () => {
    expect(fileErrors('')).toEqual([{ message: 'csv.empty' }]);
    expect(fileErrors('\uFEFF\r\n\r\n')).toEqual([{ message: 'csv.empty' }]);
    expect(fileErrors(`${ID},2025-01-01,1,,\n`)).toEqual([{ message: 'csv.no_header', line: 1 }]);
    expect(fileErrors('engagement;date_x;valeur\n')).toEqual([{ message: 'csv.no_header', line: 1 }]);
  });

  it('names each required column missing, and a column given twice', () => {
    expect(fileErrors('commitment_id,note\n')).toEqual([{ message: 'csv.missing_column:date' }, { message: 'csv.missing_column:value' }]);
    expect(fileErrors('commitment_id,date,value,Date\n')).toEqual([{ message: 'csv.duplicate_column:date', line: 1 }]);
  });

  it('refuses a `today` that is not a date: the caller’s mistake', () => {
    expect(() => parseProgressCsv(HEADER, { today: '30/06/2025' })).toThrow(DomainError);
  });
});
