import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Actor } from '../accounts/accounts.js';
import { notFound } from '../errors.js';
import type { AnalysisInput, AnalysisResult } from './analysis/analysis.js';
import { analyzeConsultation } from './analysis/analyze.js';
import * as repo from './analysis.repo.js';
import type { Consultation } from './consultation.js';
import { getConsultation } from './consultation.service.js';
import * as votes from './votes.repo.js';

/** `analyze`: how the analysis is run — the context's runs it in a worker thread; the pure one on this thread. */
type Deps = { db: Db; clock: Clock; analyze?: Analyze };
export type Analyze = (input: AnalysisInput) => AnalysisResult | Promise<AnalysisResult>;
export type StoredAnalysis = repo.StoredAnalysis;

/**
 * Up to this many votes, a report asked for before the first background run computes the analysis itself
 * (it runs off the event loop, but the reader waits for it; larger ones wait for the background worker).
 */
export const ON_REQUEST_MAX_VOTES = 2_000;

function toInput(data: Awaited<ReturnType<typeof votes.analysisRows>>): AnalysisInput {
  return {
    participants: data.participants.map((p) => ({ id: p.id, sector: p.sector })),
    // Pending and rejected statements take no votes now, but votes cast before a rejection still count as participation.
    statements: data.statements.map((s) => ({ id: s.id, isModeratedOut: s.status !== 'accepted' })),
    votes: data.votes.map((v) => ({ participantId: v.participantId, statementId: v.statementId, value: v.value, language: v.lang })),
  };
}

/**
 * Analyses the consultation's current votes, read in one snapshot with the count of votes they
 * reflect, and stores the result — unless an analysis of a later snapshot was stored meanwhile, which
 * is kept and returned. Idempotent. Errors: not_found; whatever `analyze` throws (nothing is stored).
 */
export async function refreshAnalysis(ctx: Deps, consultationId: unknown, analyze?: Analyze): Promise<StoredAnalysis> {
  const c = await getConsultation(ctx, consultationId);
  const snapshot = await ctx.db.transaction(
    async (tx) => ({ data: await votes.analysisRows(tx, c.id), voteCount: await repo.countHistory(tx, c.id) }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const started = performance.now();
  const result = await (analyze ?? ctx.analyze ?? analyzeConsultation)(toInput(snapshot.data));
  const analysis = { consultationId: c.id, voteCount: snapshot.voteCount, computedAt: ctx.clock.now(), durationMs: Math.round(performance.now() - started), result };
  if (await repo.storeAnalysis(ctx.db, analysis)) return analysis;
  return (await repo.findAnalysis(ctx.db, c.id)) ?? analysis;
}

/**
 * Refreshes up to `limit` consultations whose stored analysis is missing or behind their votes,
 * oldest analysis first, skipping `skip`. One failure is logged and does not stop the others.
 */
export async function refreshStaleAnalyses(
  ctx: Deps & { log: Logger }, limit: number, opts: { skip?: string[]; analyze?: Analyze } = {},
): Promise<{ refreshed: string[]; failed: string[] }> {
  const refreshed: string[] = [];
  const failed: string[] = [];
  for (const id of await repo.staleConsultations(ctx.db, limit, opts.skip)) {
    try {
      const a = await refreshAnalysis(ctx, id, opts.analyze);
      refreshed.push(id);
      ctx.log.debug({ consultationId: id, votes: a.voteCount, durationMs: a.durationMs }, 'analysis refreshed');
    } catch (err) {
      failed.push(id);
      ctx.log.error({ err, consultationId: id }, 'analysis failed');
    }
  }
  return { refreshed, failed };
}

export type AnalysisView = {
  consultation: Consultation;
  /** Null while a large consultation waits for its first background analysis ("being prepared"). */
  analysis: StoredAnalysis | null;
  isStale: boolean;
  votesSince: number;
};

/**
 * The stored analysis of a consultation and how far behind its votes it is. Public, like a Polis
 * report: anyone may read the report of an open or closed consultation. With no analysis stored yet,
 * a small consultation is analysed on the spot. Errors: not_found.
 */
export async function getAnalysis(ctx: Deps, _actor: Actor, consultationId: unknown): Promise<AnalysisView> {
  const consultation = await getConsultation(ctx, consultationId);
  if (consultation.status !== 'open' && consultation.status !== 'closed') throw notFound();
  let analysis = await repo.findAnalysis(ctx.db, consultation.id);
  const voteCount = await repo.countHistory(ctx.db, consultation.id);
  if (!analysis && voteCount <= ON_REQUEST_MAX_VOTES) analysis = await refreshAnalysis(ctx, consultation.id);
  const votesSince = Math.max(0, voteCount - (analysis?.voteCount ?? 0));
  return { consultation, analysis, isStale: !analysis || votesSince > 0, votesSince };
}
