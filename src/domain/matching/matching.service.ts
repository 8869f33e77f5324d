import type { Db } from '../../db/database.js';
import type { Actor } from '../accounts/accounts.js';
import type { Hub } from '../hubs/hubs.js';
import { getHub, listHubs } from '../hubs/hubs.service.js';
import type { Practice } from '../practices/practices.js';
import { candidatePractices } from '../practices/practices.service.js';
import { practiceFit } from './fit.js';
import { peerFit } from './peers.js';
import { rank, type Reason } from './reasons.js';

type Deps = { db: Db };
const POOL = 500;
const PEER_POOL_PAGES = 20;

export type PracticeRecommendation = { practice: Practice; score: number; reasons: Reason[] };
export type PeerRecommendation = { hub: Hub; score: number; reasons: Reason[] };

/**
 * "Communities like yours": published practices ranked by fit with the hub's profile, with reasons.
 * Practices the hub itself authored are left out. Errors: not_found (unknown hub).
 */
export async function recommendPractices(ctx: Deps, actor: Actor, hubId: unknown, limit = 10): Promise<PracticeRecommendation[]> {
  const hub = await getHub(ctx, actor, hubId);
  const pool = await candidatePractices(ctx, { themes: hub.themes, languages: hub.languages }, POOL);
  const scored = pool.filter((p) => !p.hubIds.includes(hub.id)).map((p) => practiceFit(hub, p));
  return rank(scored, limit).map((s) => ({ practice: s.item as Practice, score: s.score, reasons: s.reasons }));
}

/** Peer hubs facing similar challenges, preferring exchanges across regions of the South. Errors: not_found. */
export async function recommendPeers(ctx: Deps, actor: Actor, hubId: unknown, limit = 5): Promise<PeerRecommendation[]> {
  const hub = await getHub(ctx, actor, hubId);
  const peers: Hub[] = [];
  for (let page = 1; page <= PEER_POOL_PAGES; page++) {
    const { items } = await listHubs(ctx, actor, { page, perPage: 100 });
    peers.push(...items.filter((h) => h.id !== hub.id));
    if (items.length < 100) break;
  }
  return rank(peers.map((p) => peerFit(hub, p)), limit).map((s) => ({ hub: s.item as Hub, score: s.score, reasons: s.reasons }));
}
