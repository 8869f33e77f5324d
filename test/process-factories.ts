import type { AppContext } from '../src/context.js';
import { createProcess } from '../src/domain/process/process.service.js';
import { makeUser } from './factories.js';

/** Three phases: a stocktake, a meeting for statements and votes, then open-ended action. French first, English too. */
export function processInput(over: Record<string, unknown> = {}) {
  return {
    originalLanguage: 'fr',
    texts: { fr: { title: 'Plan d’action commun', description: 'Du bilan à l’action.' }, en: { title: 'Joint action plan', description: 'From stocktake to action.' } },
    phases: [
      { startsOn: '2026-01-05', endsOn: '2026-03-31', activities: ['stocktaking'], texts: { fr: { title: 'État des lieux', description: 'Chaque secteur fait le point.' }, en: { title: 'Stocktake', description: 'Each sector takes stock.' } } },
      { startsOn: '2026-04-01', endsOn: '2026-04-03', activities: ['statements', 'voting'], texts: { fr: { title: 'Réunion de Niamey', description: '' }, en: { title: 'Niamey meeting', description: '' } } },
      { startsOn: '2026-04-04', endsOn: '', activities: ['commitments', 'progress'], texts: { fr: { title: 'Action', description: '' } } },
    ],
    ...over,
  };
}

/** A process created by a new admin; returns both. */
export async function makeProcess(ctx: AppContext, over: Record<string, unknown> = {}) {
  const admin = (await makeUser(ctx, 'admin')).actor;
  return { admin, process: await createProcess(ctx, admin, processInput(over)) };
}
