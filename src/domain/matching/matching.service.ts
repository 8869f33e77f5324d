import type { Db } from '../../db/database.js';
import type { Actor } from '../accounts/accounts.js';
import type { Hub } from '../hubs/hubs.js';
import { getHub, hubsSharingThemes } from '../hubs/hubs.service.js';
import type { Practice } from '../practices/practices.js';
import { candidatePractices } from '../practices/practices.service.js';
import { practiceFit } from './fit.js';
import { peerFit } from './peers.js';
import { rank, type Reason } from './reasons.js';

type Deps = { db: Db };
const POOL = 500;

export type PracticeRecommendation = { practice: Practice; score: number; reasons: Reason[] };
export type PeerRecommendation = { hub: Hub; score: number; reasons: Reason[] };

async function practicesFor(ctx: Deps, hub: Hub, limit: number): Promise<PracticeRecommendation[]> {
  const pool = await candidatePractices(ctx, { themes: hub.themes, languages: hub.languages }, POOL);
  const scored = pool.filter((p) => !p.hubIds.includes(hub.id)).map((p) => practiceFit(hub, p));
  return rank(scored, limit).map((s) => ({ practice: s.item as Practice, score: s.score, reasons: s.reasons }));
}

// A peer with no priority in common scores 0, so only hubs sharing one are read.
async function peersFor(ctx: Deps, actor: Actor, hub: Hub, limit: number): Promise<PeerRecommendation[]> {
  const pool = await hubsSharingThemes(ctx, actor, hub.themes, hub.id, POOL);
  return rank(pool.map((p) => peerFit(hub, p)), limit).map((s) => ({ hub: s.item as Hub, score: s.score, reasons: s.reasons }));
}

/**
 * "Communities like yours": published practices ranked by fit with the hub's profile, with reasons.
 * Practices the hub itself authored are left out. Errors: not_found (unknown hub).
 */
export async function recommendPractices(ctx: Deps, actor: Actor, hubId: unknown, limit = 10): Promise<PracticeRecommendation[]> {
  return practicesFor(ctx, await getHub(ctx, actor, hubId), limit);
}

/** Peer hubs facing similar challenges, preferring exchanges across regions of the South. Errors: not_found. */
export async function recommendPeers(ctx: Deps, actor: Actor, hubId: unknown, limit = 5): Promise<PeerRecommendation[]> {
  return peersFor(ctx, actor, await getHub(ctx, actor, hubId), limit);
}

/** Both at once, reading the hub once — what a hub page, a coordinator's home and the API show. Errors: not_found. */
export async function communitiesLikeYours(ctx: Deps, actor: Actor, hubId: unknown, limits = { practices: 10, peers: 5 }) {
  const hub = await getHub(ctx, actor, hubId);
  const [practices, peers] = await Promise.all([practicesFor(ctx, hub, limits.practices), peersFor(ctx, actor, hub, limits.peers)]);
  return { hub, practices, peers };
}
