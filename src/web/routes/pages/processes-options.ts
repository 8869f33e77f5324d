import type { Context } from 'hono';
import { listProcesses } from '../../../domain/process/process.service.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import type { ProcessOption } from '../../views/consultation-forms.js';

/** Every process as a choice in a select, newest first, titled in the reader's language (else the original). */
export async function processOptions(c: Context<WebEnv>): Promise<ProcessOption[]> {
  const items = await listProcesses(c.get('ctx'));
  return items.map((p) => ({ value: p.id, label: pickText(p.texts, c.get('locale'), p.originalLanguage).text.title }));
}
