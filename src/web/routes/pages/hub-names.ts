import type { Context } from 'hono';
import type { Actor } from '../../../domain/accounts/accounts.js';
import { hubsByIds } from '../../../domain/hubs/hubs.service.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';

/** Names of hubs in the reader's language, for the ids a page mentions (unknown ones left out). */
export async function hubNamesOf(c: Context<WebEnv>, ids: string[]): Promise<Record<string, string>> {
  const hubs = await hubsByIds(c.get('ctx'), c.get('actor'), ids);
  return Object.fromEntries(hubs.map((h) => [h.id, pickText(h.texts, c.get('locale'), h.originalLanguage).text.name]));
}

/** The hubs the actor may speak for, as form options. */
export async function myHubOptions(c: Context<WebEnv>, actor: Actor, except: string[] = []) {
  const ids = (actor?.hubIds ?? []).filter((id) => !except.includes(id));
  const names = await hubNamesOf(c, ids);
  return ids.filter((id) => names[id]).map((id) => ({ value: id, label: names[id]! }));
}
