/**
 * An alert as the form sends it: a drought in Maradi, in French, in force from ten hours before `now` (the
 * test clock's time) for nine days.
 */
export const droughtInput = (over: Record<string, unknown> = {}, now = new Date('2026-06-01T10:00:00Z')) => ({
  category: 'drought', severity: 'Severe', urgency: 'Expected', certainty: 'Likely', adminAreas: ['NE:maradi'],
  effectiveAt: new Date(now.getTime() - 10 * 3600_000).toISOString(), expiresAt: new Date(now.getTime() + 9 * 24 * 3600_000).toISOString(), originalLanguage: 'fr',
  texts: { fr: { headline: 'Sécheresse', description: 'Pluies en retard.', sms: 'Alerte secheresse Maradi.' } },
  ...over,
});
