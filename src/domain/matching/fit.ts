import type { Hub } from '../hubs/hubs.js';
import type { Practice } from '../practices/practices.js';
import type { Reason, Scored } from './reasons.js';

type HubProfile = Pick<Hub, 'themes' | 'internet' | 'mobile' | 'hasSms' | 'radioName' | 'electricity' | 'languages' | 'communityType' | 'country'>;
type PracticeFacts = Pick<Practice, 'id' | 'themes' | 'technologies' | 'languages' | 'targetGroups' | 'costs' | 'countries' | 'texts'>;

type Access = 'yes' | 'partly' | 'no' | 'any';

/** Whether the hub actually has what a technology needs. Print and "other" need nothing we know of. */
export function accessTo(hub: HubProfile, technology: string): Access {
  switch (technology) {
    case 'radio':
      return hub.radioName ? 'yes' : 'partly'; // a radio set can still receive a neighbour's station
    case 'basic_phone':
      return hub.mobile !== 'none' || hub.hasSms ? 'yes' : 'no';
    case 'smartphone':
      return hub.mobile === '3g_plus' ? 'yes' : hub.mobile === '2g' ? 'partly' : 'no';
    case 'internet':
      return hub.internet === 'broadband' || hub.internet === 'narrowband' ? 'yes' : hub.internet === 'intermittent' ? 'partly' : 'no';
    case 'computer':
      return hub.electricity === 'none' ? 'no' : hub.electricity === 'intermittent' ? 'partly' : 'yes';
    case 'satellite':
      return hub.electricity === 'none' ? 'no' : 'partly';
    default:
      return 'any';
  }
}

const COMMUNITY_GROUP: Record<string, string> = {
  women: 'women', youth: 'youth', indigenous_peoples: 'indigenous_peoples', persons_with_disabilities: 'persons_with_disabilities',
};

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * Pure: how well a practice fits a hub, with the reasons. Priorities weigh most; a practice that
 * needs a channel the hub lacks sinks (one missing channel outweighs a shared priority), because a
 * community cannot reuse what it cannot run.
 */
export function practiceFit(hub: HubProfile, p: PracticeFacts): Scored<PracticeFacts> {
  const reasons: Reason[] = [];
  let score = 0;
  const themes = p.themes.filter((t) => hub.themes.includes(t));
  if (themes.length) {
    score += 3 * Math.min(themes.length, 3);
    reasons.push({ code: 'addresses_priorities', themes });
  }
  const access = p.technologies.map((technology) => ({ technology, access: accessTo(hub, technology) }));
  const have = access.filter((a) => a.access === 'yes').map((a) => a.technology);
  const lack = access.filter((a) => a.access === 'no').map((a) => a.technology);
  score += 1.5 * have.length - 4 * lack.length - 0.5 * access.filter((a) => a.access === 'partly').length;
  if (have.length) reasons.push({ code: 'uses_channels_you_have', technologies: have });
  if (lack.length) reasons.push({ code: 'needs_channels_you_lack', technologies: lack });
  const hubLangs = new Set(hub.languages.map(primary));
  const readable = Object.keys(p.texts).find((l) => hubLangs.has(primary(l)));
  if (readable) {
    score += 2;
    reasons.push({ code: 'available_in', lang: readable });
  }
  const spoken = p.languages.find((l) => hubLangs.has(primary(l)) && primary(l) !== (readable && primary(readable)));
  if (spoken) {
    score += 1;
    reasons.push({ code: 'used_with_speakers_of', lang: spoken });
  }
  const group = COMMUNITY_GROUP[hub.communityType];
  if (group && p.targetGroups.includes(group as never)) {
    score += 2;
    reasons.push({ code: 'designed_for', group });
  }
  if (p.costs.band === 'none' || p.costs.band === 'low') {
    score += 1;
    reasons.push({ code: 'low_cost', band: p.costs.band });
  }
  const evidence = Math.max(0, ...Object.values(p.texts).map((t) => t.results.length));
  if (evidence > 0) {
    score += Math.min(evidence, 3) * 0.5;
    reasons.push({ code: 'has_evidence', count: evidence });
  }
  if (p.countries.includes(hub.country)) {
    score += 0.5;
    reasons.push({ code: 'same_country', country: hub.country });
  }
  return { item: p, score, reasons };
}
