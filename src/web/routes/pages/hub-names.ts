import type { Context } from 'hono';
import type { Actor } from '../../../domain/accounts/accounts.js';
import { getHub } from '../../../domain/hubs/hubs.service.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';

/** Names of hubs in the reader's language, for the ids an exchange mentions. */
export async function hubNamesOf(c: Context<WebEnv>, ids: string[]): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const id of new Set(ids)) {
    const h = await getHub(c.get('ctx'), c.get('actor'), id).catch(() => null);
    if (h) names[id] = pickText(h.texts, c.get('locale'), h.originalLanguage).text.name;
  }
  return names;
}

/** The hubs the actor may speak for, as form options. */
export async function myHubOptions(c: Context<WebEnv>, actor: Actor, except: string[] = []) {
  const ids = (actor?.hubIds ?? []).filter((id) => !except.includes(id));
  const names = await hubNamesOf(c, ids);
  return ids.filter((id) => names[id]).map((id) => ({ value: id, label: names[id]! }));
}
