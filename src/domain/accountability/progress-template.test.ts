import { describe, expect, it } from 'vitest';
import { parseProgressCsv } from './progress-csv.js';
import { progressTemplateCsv } from './progress-template.js';

const id = '0b8f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4';

describe('progressTemplateCsv', () => {
  it('lists each commitment with its id, our columns first, and quotes what needs it', () => {
    const csv = progressTemplateCsv([{ id, title: 'Radios, solar "kits"', unit: 'stations', latest: 12, target: 40 }]);
    expect(csv.startsWith('\uFEFFcommitment_id,date,value,evidence_url,note,commitment,unit,latest_value,target\r\n')).toBe(true);
    expect(csv).toContain(`${id},,,,,"Radios, solar ""kits""",stations,12,40\r\n`);
  });

  it('reads back as rows that each say what is missing, none imported unfilled', () => {
    const csv = progressTemplateCsv([{ id, title: 'Radios', unit: '', latest: null, target: 40 }]);
    const parsed = parseProgressCsv(new TextEncoder().encode(csv), { today: '2026-01-01' });
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.rows).toEqual([{ line: 2, ok: false, errors: expect.arrayContaining([{ field: 'date', message: 'validation.required' }, { field: 'value', message: 'validation.required' }]) }]);
  });
});
