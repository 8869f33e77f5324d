import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { createOrganisation, listOrganisations } from '../accounts/accounts.service.js';
import { createRandom, type Random } from '../../lib/random.js';
import type { ParticipantSector, VoteValue } from '../consultation/consultation.js';
import { hasDemoConsultation, importConsultation, type ConsultationSnapshot } from '../consultation/consultation-import.service.js';
import demoHubs from './demo-hubs.json' with { type: 'json' };
import spec from './demo-consultation.json' with { type: 'json' };

type Deps = { db: Db; clock: Clock };
type Person = ConsultationSnapshot['participants'][number] & { lang: string; leaning: number };

/** The demo consultation's process label, by which the demo process finds it to link it. */
export const DEMO_CONSULTATION_LABEL = 'Demo: towards a joint action plan';
const SEED = 2002;
const FRENCH_SPEAKING = new Set(['NE', 'ML', 'SN', 'CI', 'BF', 'HT']);
// One opinion axis (who should pay and decide: the public and communities, or the market) plus noise,
// so that opinion groups cut across sectors while sectors still lean, as in real consultations.
const SPREAD = 0.7;
const NOISE = 0.6;
const PASS_BAND = 0.35;
const UNSEEN = 0.15;

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

async function people(ctx: Deps, random: Random): Promise<Person[]> {
  const existing = await listOrganisations(ctx);
  const leaning = spec.sectorLeaning as Record<ParticipantSector, number>;
  const out: Person[] = [];
  for (const [i, o] of spec.organisations.entries()) {
    const org = existing.find((x) => x.name === o.name) ?? (await createOrganisation(ctx, { name: o.name, sector: o.sector }));
    for (let k = 0; k < o.people; k++) {
      const lang = FRENCH_SPEAKING.has(o.country) && random() < 0.7 ? 'fr' : 'en';
      out.push({ externalId: `demo-org${i}-${k}`, sector: o.sector as ParticipantSector, organisationId: org.id, hubId: null, lang, leaning: leaning[o.sector as ParticipantSector] + SPREAD * gaussian(random) });
    }
  }
  for (const h of demoHubs.hubs.slice(0, spec.hubParticipants)) {
    out.push({ externalId: `demo-hub-${h.id}`, sector: 'hub', organisationId: null, hubId: h.id, lang: h.originalLanguage, leaning: leaning.hub + SPREAD * gaussian(random) });
  }
  return out;
}

/** Each simulated person sees most statements and votes by where they stand on the axis. */
function simulateVotes(persons: Person[], random: Random): ConsultationSnapshot['votes'] {
  const votes: ConsultationSnapshot['votes'] = [];
  for (const p of persons) {
    spec.statements.forEach((s, i) => {
      if (random() < UNSEEN) return;
      const score = s.base + s.loading * p.leaning + NOISE * gaussian(random);
      const value: VoteValue = score > PASS_BAND ? 1 : score < -PASS_BAND ? -1 : 0;
      const texts = s.texts as Record<string, string>;
      votes.push({ participantExternalId: p.externalId, statementExternalId: `demo-s${i}`, value, lang: texts[p.lang] ? p.lang : 'en' });
    });
  }
  return votes;
}

/**
 * The demo consultation: eight organisations of the four sectors and sixteen demo hubs, sixteen
 * statements (English and French, some in Spanish and Arabic) and simulated votes, seeded so every
 * node shows the same opinion groups, common ground and divergences. Runs once per node.
 */
export async function seedDemoConsultation(ctx: Deps): Promise<boolean> {
  if (await hasDemoConsultation(ctx)) return false;
  const random = createRandom(SEED);
  const persons = await people(ctx, random);
  const start = Date.UTC(2026, 0, 12);
  await importConsultation(ctx, {
    process: DEMO_CONSULTATION_LABEL,
    originalLanguage: 'en',
    texts: spec.texts,
    participants: persons.map(({ externalId, sector, organisationId, hubId }) => ({ externalId, sector, organisationId, hubId })),
    statements: spec.statements.map((s, i) => ({
      externalId: `demo-s${i}`, authorExternalId: persons[(i * 7) % persons.length]!.externalId, status: 'accepted', originalLanguage: 'en',
      texts: s.texts as Record<string, string>, at: new Date(start + i * 86_400_000),
    })),
    votes: simulateVotes(persons, random),
  }, { isDemo: true });
  return true;
}
