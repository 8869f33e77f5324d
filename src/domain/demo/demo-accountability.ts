import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { actorByEmail, listOrganisations } from '../accounts/accounts.service.js';
import { getAccountability, getCommitment, listPlanItems, recordCommitment, reportProgress } from '../accountability/accountability.service.js';
import { editCommitment } from '../accountability/commitments.service.js';
import { importProgressCsv } from '../accountability/progress-import.service.js';
import { recordStory } from '../accountability/stories.service.js';
import { DomainError } from '../errors.js';
import { changePhase } from '../process/process.service.js';
import type { Process } from '../process/process.js';
import { minimalPdf } from './demo-pdf.js';
import { seedDemoPlanDuring } from './demo-plan.js';
import planSpec from './demo-plan.json' with { type: 'json' };
import spec from './demo-accountability.json' with { type: 'json' };

type Deps = { db: Db; clock: Clock };

const isPracticeMissing = (e: unknown) => e instanceof DomainError && Object.values(e.fields).includes('accountability.unknown_practice');
const at = (iso: string) => ({ now: () => new Date(iso) });
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Each step at its date, after the phase change that opens it: the phase rules apply as for anyone. */
function stepsOf(admin: Actor, processId: string, as: (who?: string) => Promise<Actor>) {
  const ids: string[] = [];
  const steps: { at: string; run: (ctx: Deps) => Promise<unknown> }[] = [];
  steps.push(...spec.commitments.map((c) => ({
    at: c.at,
    run: async (ctx: Deps) => {
      const items = await listPlanItems(ctx, processId, { adoptedOnly: true });
      const links = Object.entries(c.items).flatMap(([code, weight]) => items.filter((i) => i.code === code).map((i) => ({ itemId: i.id, weight })));
      const org = (await listOrganisations(ctx)).find((o) => o.name === c.organisation);
      if (!org || links.length === 0) return; // the demo plan or stocktake is missing: nothing to commit to
      const lang = Object.keys(c.texts)[0]!;
      const actor = await as('by' in c ? c.by : undefined);
      ids.push((await recordCommitment(ctx, actor, processId, { organisationId: org.id, originalLanguage: lang, texts: c.texts, partners: c.partners, baseline: c.baseline, target: c.target, unit: c.unit, deadline: c.deadline, items: links })).id);
    },
  })));
  steps.push(...spec.progress.map((p) => ({
    at: p.at,
    run: async (ctx: Deps) => {
      const id = ids[p.commitment];
      if (!id) return;
      const c = spec.commitments[p.commitment]!;
      const update = { reportedOn: p.reportedOn, value: p.value, note: p.note, evidenceUrl: p.evidenceUrl ?? '', evidencePracticeId: p.practice ?? '' };
      // A document made at seed time: a small one-page PDF, so the demo shows evidence that can be downloaded and checked.
      const document = 'document' in p && p.document ? { name: p.document.name, bytes: minimalPdf(p.document.lines) } : null;
      const actor = await as('by' in c ? c.by : undefined);
      // Without the demo practices (a node seeded with hubs only) the update keeps its note but not the practice.
      await reportProgress(ctx, actor, id, update, document)
        .catch((e) => (isPracticeMissing(e) ? reportProgress(ctx, actor, id, { ...update, evidencePracticeId: '' }, document) : Promise.reject(e)));
    },
  })));
  // A target revised with its reason: the change is published on the commitment's page and in the API.
  steps.push(...spec.edits.map((e) => ({
    at: e.at,
    run: async (ctx: Deps) => {
      const id = ids[e.commitment];
      if (!id) return;
      const current = await getCommitment(ctx, id);
      const text = current.texts[current.originalLanguage]!;
      const c = spec.commitments[e.commitment]!;
      await editCommitment(ctx, await as('by' in c ? c.by : undefined), id, {
        title: text.title, indicator: text.indicator, partners: current.partners, baseline: current.baseline, target: e.target, unit: current.unit,
        deadline: current.deadline, items: current.links, reason: e.reason,
      });
    },
  })));
  // A quarter's figures from several organisations, sent as one file by the admin, as a secretariat would.
  steps.push({
    at: spec.csv.at,
    run: async (ctx) => {
      const rows = spec.csv.rows.filter((r) => ids[r.commitment]);
      if (rows.length === 0) return;
      const csv = ['commitment_id,date,value,evidence_url,note', ...rows.map((r) => [ids[r.commitment]!, r.date, r.value, r.evidenceUrl, r.note].map(csvCell).join(','))].join('\n');
      const report = await importProgressCsv(ctx, admin, processId, csv, 'demo-progress-2006-q1.csv');
      if (report.skipped || report.fileErrors.length) throw new Error(`the demo progress CSV was not fully imported: ${JSON.stringify(report)}`);
    },
  });
  steps.push(...spec.stories.map((s) => ({
    at: s.at,
    run: async (ctx: Deps) => {
      const items = await listPlanItems(ctx, processId);
      const itemIds = items.filter((i) => s.items.includes(i.code)).map((i) => i.id);
      const teller = await as('coordinator');
      const actor = teller && (teller.hubIds.includes(s.hub) || teller.role === 'admin') ? teller : admin;
      const story = { hubId: s.hub, lang: s.lang, title: s.title, text: s.text, itemIds, practiceIds: s.practices };
      await recordStory(ctx, actor, processId, story).catch((e) => (isPracticeMissing(e) ? recordStory(ctx, actor, processId, { ...story, practiceIds: [] }) : Promise.reject(e)));
    },
  })));
  return steps;
}

/**
 * The demo's commitments and accountability: from PrepCom III the demo admin moves the process on, at the real
 * dates, through the Summit's two phases to "action continues"; in each phase only what it allows is done — the
 * action plan adopted in Geneva (demo-plan.ts), then commitments from five organisations of four sectors linked
 * to its items, progress with evidence (one update pointing at a demo practice, one carrying a small PDF made
 * here), one commitment left overdue, one target revised with its reason, a quarter's figures imported as CSV
 * (the report kept), and two hubs' stories. Demo accounts act where they can (the delegate for the ministry, the coordinator for
 * their hubs), the admin otherwise. Called once, by seedDemoProcess, which runs once per node.
 */
export async function seedDemoAccountability(ctx: Deps, admin: Actor, process: Process): Promise<void> {
  const people = planSpec.people as Record<string, string>;
  const as = async (who?: string) => (who && people[who] ? ((await actorByEmail(ctx, people[who])) ?? admin) : admin);
  const steps = stepsOf(admin, process.id, as).sort((x, y) => x.at.localeCompare(y.at));
  for (const [n, change] of spec.changes.entries()) {
    await changePhase({ db: ctx.db, clock: at(change.at) }, admin, process.id, { toPhaseId: process.phases[change.to - 1]!.id, note: change.note });
    // The action plan is adopted at the Summit's first phase: the plan's steps of each phase run first.
    await seedDemoPlanDuring(ctx, admin, process.id, process.phases[change.to - 1]!);
    const until = spec.changes[n + 1]?.at ?? '9999';
    for (const step of steps.filter((s) => s.at >= change.at && s.at < until)) await step.run({ db: ctx.db, clock: at(step.at) });
  }
  await getAccountability(ctx, process.id); // reads back what was written: a broken demo fails here, at seeding
}
