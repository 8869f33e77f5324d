import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { actorByEmail, listOrganisations } from '../accounts/accounts.service.js';
import { adoptDocument, draftDocument, getPlan } from '../action-plan/action-plan.service.js';
import { countAmendmentVotes, decideAmendment, proposeAmendment, voteOnAmendment } from '../action-plan/amendments.service.js';
import { listConsultations } from '../consultation/consultation-list.service.js';
import { listStatements } from '../consultation/statements.service.js';
import type { Phase } from '../process/process.js';
import spec from './demo-plan.json' with { type: 'json' };

type Deps = { db: Db; clock: Clock };
type Step = { at: string; run: (ctx: Deps, as: (who: string) => Promise<Actor>) => Promise<unknown> };

const DEMO_CONSULTATION = 'Demo: towards a joint action plan';
const DRAFTED_AT = '2003-02-18T09:00:00Z';
const hourAfter = (iso: string) => new Date(Date.parse(iso) + 3600_000).toISOString();

async function sectionId(ctx: Deps, processId: string, document: number, section: number) {
  return (await getPlan(ctx, processId))[document]!.sections[section]!.id;
}

async function amendmentId(ctx: Deps, processId: string, a: (typeof spec.amendments)[number]) {
  const docs = await getPlan(ctx, processId);
  return docs[a.document]!.sections[a.section]!.amendments.find((x) => x.text === a.text)!.id;
}

/** Drafting both documents from the demo consultation's statements (in their order), owners by name. */
async function draft(ctx: Deps, admin: Actor, processId: string) {
  const consultation = (await listConsultations(ctx)).find((c) => c.process === DEMO_CONSULTATION);
  if (!consultation) return;
  const statements = await listStatements(ctx, null, consultation.id, { lang: 'en' });
  const organisations = await listOrganisations(ctx);
  for (const d of spec.documents) {
    await draftDocument(ctx, admin, processId, {
      kind: d.kind, originalLanguage: 'en', texts: d.texts, consultationId: consultation.id,
      sections: d.sections.map((s) => ({
        statementIds: s.statements.map((i) => statements[i]!.id),
        ownerOrganisationId: organisations.find((o) => o.name === s.owner)?.id ?? null,
        actionItems: 'actionItems' in s ? s.actionItems : [],
      })),
    });
  }
}

/** Every step of the demo plan, dated: drafting, each amendment, its votes and decision, the adoptions. */
function steps(admin: Actor, processId: string): Step[] {
  const out: Step[] = [{ at: DRAFTED_AT, run: (ctx) => draft(ctx, admin, processId) }];
  for (const a of spec.amendments) {
    out.push({ at: a.at, run: async (ctx, as) => proposeAmendment(ctx, await as(a.by), await sectionId(ctx, processId, a.document, a.section), { baseVersion: 1, lang: 'en', text: a.text, rationale: a.rationale }) });
    out.push({
      at: hourAfter(a.at),
      run: async (ctx, as) => {
        const id = await amendmentId(ctx, processId, a);
        const voters = new Map<string, { actor: Actor; vote: string }>();
        for (const [who, vote] of Object.entries(a.votes)) {
          const actor = await as(who);
          voters.set(actor!.id, { actor, vote }); // without the demo accounts, the admin's vote is the last one named
        }
        for (const { actor, vote } of voters.values()) await voteOnAmendment(ctx, actor, id, { vote });
      },
    });
    const decide = 'decide' in a ? a.decide : null;
    if (decide) {
      out.push({
        at: decide.at,
        run: async (ctx, as) => {
          const id = await amendmentId(ctx, processId, a);
          return decide.how === 'vote' ? countAmendmentVotes(ctx, await as(decide.by), id) : decideAmendment(ctx, await as(decide.by), id, { decision: decide.decision });
        },
      });
    }
  }
  for (const adopt of spec.adopt) out.push({ at: adopt.at, run: async (ctx) => adoptDocument(ctx, admin, (await getPlan(ctx, processId))[adopt.document]!.id) });
  return out.sort((x, y) => x.at.localeCompare(y.at));
}

/**
 * The demo declaration and action plan, played step by step at their dates: seedDemoProcess (to PrepCom III)
 * and seedDemoAccountability (from the Summit on) call this after each phase change, and only the steps dated
 * within that phase run, each through the services and their phase rules — drafting and amendments in PrepCom II
 * and the drafting period; at PrepCom III the declaration adopted and the last amendment to the action plan
 * decided by counting its votes (accepted); the action plan adopted at the Summit's first phase in Geneva
 * (12 December 2003, as the real Geneva Plan of Action was), so commitments can link to its items. Demo accounts
 * act as named; where one is missing, the admin acts. Nothing happens without the demo consultation, the source
 * of the statements.
 */
export async function seedDemoPlanDuring(ctx: Deps, admin: Actor, processId: string, phase: Phase): Promise<void> {
  const people = spec.people as Record<string, string>;
  const as = async (who: string) => (who === 'admin' ? admin : ((await actorByEmail(ctx, people[who]!)) ?? admin));
  const inPhase = (at: string) => at.slice(0, 10) >= phase.startsOn && (phase.endsOn === null || at.slice(0, 10) <= phase.endsOn);
  for (const step of steps(admin, processId).filter((s) => inPhase(s.at))) {
    if (step.at !== DRAFTED_AT && (await getPlan(ctx, processId)).length === 0) return;
    await step.run({ db: ctx.db, clock: { now: () => new Date(step.at) } }, as);
  }
}
