import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { actorByEmail } from '../accounts/accounts.service.js';
import { listConsultations } from '../consultation/consultation-list.service.js';
import { linkConsultation } from '../consultation/consultation.service.js';
import { changePhase, createProcess, hasDemoProcess } from '../process/process.service.js';
import { seedDemoAccountability } from './demo-accountability.js';
import { DEMO_CONSULTATION_LABEL } from './demo-consultation.js';
import { seedDemoPlanDuring } from './demo-plan.js';
import { seedDemoStocktake } from './demo-stocktake.js';
import spec from './demo-process.json' with { type: 'json' };

type Deps = { db: Db; clock: Clock };

const at = (iso: string): Clock => ({ now: () => new Date(iso) });
const STOCKTAKES_AT = '2002-11-15T09:00:00Z';

/**
 * The demo process: the first option of the founding document's annex (PrepCom I, II and III in Geneva, the
 * Summit's phases in Geneva and Tunis, then action), created by the demo admin and moved on, at the dates of the
 * real meetings, to PrepCom III and on through the Summit to "action continues". On the way, in the stocktaking phase, every
 * sector's stocktake is recorded and an IATI file imported (demo-stocktake.ts); from PrepCom II the declaration
 * and action plan are drafted, amended, and the declaration adopted at PrepCom III (demo-plan.ts); from the Summit,
 * organisations commit to the action plan's items and report progress, and hubs tell stories (demo-accountability.ts).
 * The demo consultation is linked to it. Its last phase, open-ended, still allows stocktaking (as the real WSIS
 * Stocktaking has gone on since 2004), so a visitor can record activities or import an IATI file there.
 * Runs once per node; false when it exists already or there is no demo admin to act as.
 */
export async function seedDemoProcess(ctx: Deps, adminEmail: string): Promise<boolean> {
  if (await hasDemoProcess(ctx)) return false;
  const admin = await actorByEmail(ctx, adminEmail);
  if (!admin) return false;
  const input = { originalLanguage: spec.originalLanguage, texts: spec.texts, phases: spec.phases, activePhase: 1 };
  const process = await createProcess({ db: ctx.db, clock: at('2002-06-01T09:00:00Z') }, admin, input, { isDemo: true });
  // The demo consultation (seeded before) is this process's: its page lists it, and the plan drafts from its statements.
  const consultation = (await listConsultations(ctx)).find((c) => c.process === DEMO_CONSULTATION_LABEL);
  if (consultation) await linkConsultation(ctx, admin, consultation.id, { processId: process.id });
  for (const change of spec.changes) {
    const toPhaseId = process.phases[change.to - 1]!.id;
    await changePhase({ db: ctx.db, clock: at(change.at) }, admin, process.id, { toPhaseId, note: change.note });
    // The stocktakes come in while the stocktaking phase is active, before PrepCom II opens.
    if (process.phases[change.to - 1]!.activities.includes('stocktaking')) await seedDemoStocktake({ db: ctx.db, clock: at(STOCKTAKES_AT) }, admin, process.id);
    // The declaration and action plan are drafted, amended and adopted at their dates, phase by phase.
    await seedDemoPlanDuring(ctx, admin, process.id, process.phases[change.to - 1]!);
  }
  // Then through the Summit to action: commitments, progress with evidence, a CSV batch and stories (demo-accountability.ts).
  await seedDemoAccountability(ctx, admin, process);
  return true;
}
