import type { Hub } from '../hubs/hubs.js';
import type { Reason, Scored } from './reasons.js';
import { isGlobalSouth, regionOf } from './regions.js';

type HubLike = Pick<Hub, 'id' | 'themes' | 'communityType' | 'languages' | 'internet' | 'mobile' | 'radioName' | 'country'>;

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * Pure: how much a peer hub faces the same challenges, with the reasons. Shared priorities and the
 * same kind of community count most; a peer in another region of the South is preferred, since that
 * exchange is the one that rarely happens by itself.
 */
export function peerFit(hub: HubLike, peer: HubLike): Scored<HubLike> {
  const reasons: Reason[] = [];
  let score = 0;
  const themes = peer.themes.filter((t) => hub.themes.includes(t));
  if (themes.length === 0) return { item: peer, score: 0, reasons }; // no common challenge, no match
  score += 2 * Math.min(themes.length, 3);
  reasons.push({ code: 'shares_priorities', themes });
  if (peer.communityType === hub.communityType) {
    score += 2;
    reasons.push({ code: 'same_community_type', communityType: hub.communityType });
  }
  const langs = new Set(hub.languages.map(primary));
  const shared = peer.languages.find((l) => langs.has(primary(l)));
  if (shared) {
    score += 1.5;
    reasons.push({ code: 'shares_language', lang: shared });
  }
  if (peer.internet === hub.internet && peer.mobile === hub.mobile && Boolean(peer.radioName) === Boolean(hub.radioName)) {
    score += 1;
    reasons.push({ code: 'similar_channels' });
  }
  const region = regionOf(peer.country);
  if (region && region !== regionOf(hub.country)) {
    score += 1;
    reasons.push({ code: 'other_region', region });
    if (isGlobalSouth(hub.country) && isGlobalSouth(peer.country)) {
      score += 1.5;
      reasons.push({ code: 'south_south' });
    }
  }
  return { item: peer, score, reasons };
}
