import type { AppContext } from '../src/context.js';
import type { Actor } from '../src/domain/accounts/accounts.js';
import { createOrganisation, createUser } from '../src/domain/accounts/accounts.service.js';
import { PASSWORD } from './factories.js';

let n = 0;

/** An organisation of the sector and a delegate who belongs to it. */
export async function makeMember(ctx: AppContext, sector = 'civil_society', name = `Organisation ${++n}`) {
  const organisation = await createOrganisation(ctx, { name, sector });
  const user = await createUser(ctx, { email: `member-${Date.now().toString(36)}-${++n}@example.org`, displayName: `Member ${n}`, password: PASSWORD, role: 'delegate', organisationId: organisation.id, hubIds: [] });
  const actor: NonNullable<Actor> = { id: user.id, role: 'delegate', hubIds: [], displayName: user.displayName, locale: null };
  return { organisation, user, actor };
}

/** A valid activity as a form would send it (French original, English translation). */
export function activityInput(over: Record<string, unknown> = {}) {
  return {
    originalLanguage: 'fr',
    texts: {
      fr: { title: 'Radios rurales et alertes sécheresse', description: 'Douze radios diffusent les prévisions.', communities: 'Éleveurs du Dallol' },
      en: { title: 'Rural radio and drought alerts', description: 'Twelve stations broadcast forecasts.', communities: 'Herders of the Dallol' },
    },
    countries: ['NE'],
    adminAreas: ['Tillabéri'],
    targetGroups: ['herders', 'women'],
    themes: ['climate', 'agriculture'],
    sdgs: ['2', '13'],
    wsis: ['C7'],
    budgetAmount: '120000',
    budgetCurrency: 'XOF',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    partners: ['Réseau des radios du fleuve'],
    status: 'ongoing',
    ...over,
  };
}
