import type { AppContext } from '../src/context.js';
import { makePractice, practiceText } from './factories.js';

/** A French health practice with markup in its title and a Hausa farming one, for search tests. */
export async function frenchAndHausaPractices(ctx: AppContext) {
  const fr = await makePractice(ctx, { themes: ['health'], text: practiceText({ title: 'Campagne de vaccination <b>des</b> enfants' }) });
  const ha = await makePractice(ctx, { originalLanguage: 'ha', themes: ['agriculture'], text: practiceText({ title: 'Rediyo don manoma' }) });
  return { fr, ha };
}

export const queryString = (q: Record<string, string>) => new URLSearchParams(q).toString();
