/**
 * Why something was recommended, as data: the web and the API turn each into plain words in the
 * reader's language ("uses community radio, which you have; available in Hausa; addresses drought").
 */
export type Reason =
  | { code: 'addresses_priorities'; themes: string[] }
  | { code: 'uses_channels_you_have'; technologies: string[] }
  | { code: 'needs_channels_you_lack'; technologies: string[] }
  | { code: 'available_in'; lang: string }
  | { code: 'used_with_speakers_of'; lang: string }
  | { code: 'designed_for'; group: string }
  | { code: 'low_cost'; band: string }
  | { code: 'has_evidence'; count: number }
  | { code: 'same_country'; country: string }
  | { code: 'shares_priorities'; themes: string[] }
  | { code: 'same_community_type'; communityType: string }
  | { code: 'shares_language'; lang: string }
  | { code: 'similar_channels' }
  | { code: 'other_region'; region: string }
  | { code: 'south_south' };

export type Scored<T> = { item: T; score: number; reasons: Reason[] };

/** Highest score first; ties broken by id so that pages are stable. */
export function rank<T extends { id: string }>(scored: Scored<T>[], limit: number): Scored<T>[] {
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id))
    .slice(0, limit);
}
