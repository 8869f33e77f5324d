/** The highest section number the drafting form offers. */
export const MAX_SECTION_NUMBER = 12;

export type SectionChoice = { number: number; statementIds: string[]; ownerOrganisationId: string | null };

/**
 * A document's sections from a drafting form's choices: each statement, in the order listed, is given a
 * section number or '' (not used). Statements with the same number form that section in their listed
 * order; sections come in the order of their numbers, empty numbers closed up (statements in 1 and 3 make
 * sections 1 and 2). `owners` gives each number's owner organisation ('' or none: no owner). A number that
 * is not a whole number from 1 to MAX_SECTION_NUMBER puts its statement in `invalid`.
 */
export function sectionsFromChoices(
  choices: { statementId: string; section: string }[],
  owners: Record<string, string>,
): { sections: SectionChoice[]; invalid: string[] } {
  const byNumber = new Map<number, string[]>();
  const invalid: string[] = [];
  for (const { statementId, section } of choices) {
    const raw = section.trim();
    if (raw === '') continue;
    const n = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= 1 && n <= MAX_SECTION_NUMBER)) {
      invalid.push(statementId);
      continue;
    }
    byNumber.set(n, [...(byNumber.get(n) ?? []), statementId]);
  }
  const sections = [...byNumber.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, statementIds]) => ({ number, statementIds, ownerOrganisationId: owners[String(number)]?.trim() || null }));
  return { sections, invalid };
}
