import { describe, expect, it } from 'vitest';
import { sectionsFromChoices } from './draft-sections.js';

describe('sections from the drafting form', () => {
  it('groups statements by number in their listed order and closes up empty numbers, keeping each number’s owner', () => {
    const { sections, invalid } = sectionsFromChoices(
      [{ statementId: 'a', section: '3' }, { statementId: 'b', section: '' }, { statementId: 'c', section: '1' }, { statementId: 'd', section: '3' }],
      { 1: '', 3: 'org-3', 2: 'org-2' },
    );
    expect(sections).toEqual([
      { number: 1, statementIds: ['c'], ownerOrganisationId: null },
      { number: 3, statementIds: ['a', 'd'], ownerOrganisationId: 'org-3' },
    ]);
    expect(invalid).toEqual([]);
  });

  it('gives no section when nothing is chosen, and names statements with a number out of range', () => {
    expect(sectionsFromChoices([{ statementId: 'a', section: '' }], {})).toEqual({ sections: [], invalid: [] });
    const { sections, invalid } = sectionsFromChoices([{ statementId: 'a', section: '13' }, { statementId: 'b', section: '0' }, { statementId: 'c', section: '1.5' }, { statementId: 'd', section: ' 2 ' }], {});
    expect(invalid).toEqual(['a', 'b', 'c']);
    expect(sections).toEqual([{ number: 2, statementIds: ['d'], ownerOrganisationId: null }]);
  });
});
