import { randomBytes } from 'node:crypto';
import type { AppContext } from '../src/context.js';
import type { Actor } from '../src/domain/accounts/accounts.js';
import { createApiToken, createOrganisation, createUser } from '../src/domain/accounts/accounts.service.js';
import { createConsultation } from '../src/domain/consultation/consultation.service.js';
import { submitStatement, translateStatement } from '../src/domain/consultation/statements.service.js';
import { importHub } from '../src/domain/hubs/hubs.service.js';
import { hubRecordSchema, practiceRecordSchema } from '../src/domain/opendata/format.js';
import { importPractice } from '../src/domain/practices/practices.service.js';
import type { Role, Sector } from '../src/domain/taxonomy/index.js';

export const PASSWORD = 'correct horse battery';

let n = 0;
const next = () => `${Date.now().toString(36)}${++n}${randomBytes(2).toString('hex')}`;
export const newId = () => crypto.randomUUID();

/** A user and the Actor the services expect for them. */
export async function makeUser(ctx: AppContext, role: Role, hubIds: string[] = []) {
  const user = await createUser(ctx, { email: `${role}-${next()}@example.org`, displayName: `${role} ${n}`, password: PASSWORD, role, hubIds });
  const actor: NonNullable<Actor> = { id: user.id, role, hubIds, displayName: user.displayName, locale: null };
  return { user, actor };
}

export function hubData(over: Record<string, unknown> = {}) {
  return {
    kind: 'community_radio', communityType: 'geographic', country: 'NE', adminArea: 'Tillabéri', languages: ['ha', 'fr'],
    internet: 'intermittent', mobile: '2g', hasSms: true, radioName: 'Radio Gaskiya', radioFrequency: '98.5 FM', electricity: 'solar',
    population: 12000, themes: ['agriculture', 'climate'], contactName: 'Hadiza', contactEmail: 'radio@example.org', contactPhone: '+22790000000',
    originalLanguage: 'fr', text: { name: `Radio communautaire ${next()}`, description: 'Une radio de village.' },
    ...over,
  };
}

export function practiceText(over: Record<string, unknown> = {}) {
  return {
    title: `Alertes criquets par radio ${next()}`, summary: 'Les éleveurs reçoivent les alertes à temps.', problem: 'Les criquets.',
    context: 'Sahel.', approach: [{ title: 'Réseau d’observateurs', description: 'Des bergers signalent.', enablingFactors: 'Téléphones.' }],
    sustainabilityEconomic: 'Cotisations.', sustainabilitySocial: '', sustainabilityCultural: '', results: [{ indicator: 'Villages alertés', value: '40', source: 'Registre' }],
    lessons: 'Parler la langue des éleveurs.', ...over,
  };
}

export function practiceData(over: Record<string, unknown> = {}) {
  return {
    originalLanguage: 'fr', text: practiceText(), technologies: ['radio', 'basic_phone'], targetGroups: ['herders'], themes: ['agriculture'],
    sdgs: [2], wsisActionLines: ['C7'], countries: ['NE'], languages: ['ha'], hubIds: [], ...over,
  };
}

/** A published hub stored directly, as an import would. */
export async function makeHub(ctx: AppContext, over: Record<string, unknown> = {}) {
  const { text, contactName: _a, contactEmail: _b, contactPhone: _c, ...rest } = hubData(over);
  const record = hubRecordSchema.parse({ id: newId(), ...rest, texts: { [String(rest.originalLanguage)]: text } });
  await importHub(ctx, record, null);
  return record;
}

/** A practice stored directly in the given status, as an import would; `texts` (lang → fields) adds translations. */
export async function makePractice(ctx: AppContext, over: Record<string, unknown> = {}, status = 'published') {
  const { text, texts, ...rest } = practiceData(over) as ReturnType<typeof practiceData> & { texts?: Record<string, Record<string, unknown>> };
  const translations = Object.fromEntries(Object.entries(texts ?? {}).map(([lang, t]) => [lang, practiceText(t)]));
  const record = practiceRecordSchema.parse({ id: newId(), status, ...rest, texts: { [String(rest.originalLanguage)]: text, ...translations } });
  await importPractice(ctx, record, null);
  return record;
}

export async function apiTokenFor(ctx: AppContext, actor: Actor) {
  return (await createApiToken(ctx, actor, 'test')).token;
}

/** A stakeholder organisation, stored directly. */
export async function makeOrganisation(ctx: AppContext, sector: Sector = 'government') {
  return createOrganisation(ctx, { name: `Organisation ${next()}`, sector });
}

/** A delegate account speaking for a new organisation of `sector`, and the Actor for it. */
export async function makeDelegate(ctx: AppContext, sector: Sector = 'government') {
  const organisation = await makeOrganisation(ctx, sector);
  const user = await createUser(ctx, { email: `delegate-${next()}@example.org`, displayName: `delegate ${n}`, password: PASSWORD, role: 'delegate', organisationId: organisation.id, hubIds: [] });
  const actor: NonNullable<Actor> = { id: user.id, role: 'delegate', hubIds: [], displayName: user.displayName, locale: null };
  return { user, actor, organisation };
}

/** An open consultation created by a new admin (or `by`), with an English title. */
export async function makeConsultation(ctx: AppContext, by?: Actor) {
  const actor = by ?? (await makeUser(ctx, 'admin')).actor;
  return createConsultation(ctx, actor, { originalLanguage: 'en', text: { title: `Consultation ${next()}`, description: 'Community development.' } });
}

/** An accepted statement proposed by a new curator; `translations` (lang → text) adds language versions. */
export async function makeStatement(ctx: AppContext, consultationId: string, text = `Statement ${next()}`, lang = 'en', translations: Record<string, string> = {}) {
  const { actor } = await makeUser(ctx, 'curator');
  const s = await submitStatement(ctx, actor, consultationId, { lang, text });
  for (const [l, t] of Object.entries(translations)) await translateStatement(ctx, actor, s.id, { lang: l, text: t });
  return s;
}
