import { Hono, type Context } from 'hono';
import type { Actor } from '../../../domain/accounts/accounts.js';
import { isCurator } from '../../../domain/accounts/permissions.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import { hubsByIds, listHubs } from '../../../domain/hubs/hubs.service.js';
import { canCreatePractice, canEditPractice } from '../../../domain/accounts/permissions.js';
import { createPractice, getPractice, updatePractice } from '../../../domain/practices/practices.service.js';
import type { FormBody } from '../../forms/form-body.js';
import { formToFacts, formToText, valuesFromBody, valuesFromPractice, type PracticeFormValues } from '../../forms/practice-form.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { PracticeForm, type PracticeFormMode } from '../../views/practice-form.js';
import { render, seeOther } from './page.js';

/** Hubs an author may credit: their own for a coordinator, all for curators (first 100). */
async function hubOptions(c: Context<WebEnv>, actor: Actor, locale: string) {
  const ctx = c.get('ctx');
  const items = isCurator(actor) ? (await listHubs(ctx, actor, { perPage: 100 })).items : await hubsByIds(ctx, actor, actor?.hubIds ?? []);
  return items.map((h) => ({ value: h.id, label: pickText(h.texts, locale, h.originalLanguage).text.name }));
}

async function showForm(c: Context<WebEnv>, title: string, mode: PracticeFormMode, values: PracticeFormValues, errors: Record<string, string> = {}) {
  const status = Object.keys(errors).length ? 422 : 200;
  const hubs = await hubOptions(c, c.get('actor'), c.get('locale'));
  const form = <PracticeForm t={c.get('t')} locale={c.get('locale')} csrfToken={c.get('csrfToken')} mode={mode} values={values} errors={errors} hubOptions={hubs} />;
  return render(c, title, <><h1>{title}</h1>{form}</>, status);
}

/** Re-shows the form with what was typed when the domain rejects it; other errors go to the error page. */
function invalidOr(e: unknown): Record<string, string> {
  if (e instanceof DomainError && (e.code === 'invalid' || e.code === 'conflict')) {
    return e.code === 'conflict' ? { expectedVersion: 'validation.edit_conflict' } : Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.replace(/^facts\./, ''), v]));
  }
  throw e;
}

export const practiceEditRoutes = new Hono<WebEnv>()
  .get('/practices/new', async (c) => {
    if (!canCreatePractice(c.get('actor'))) throw c.get('actor') ? forbidden() : new DomainError('unauthenticated', 'error.sign_in_required');
    return showForm(c, c.get('t')('practices.new'), { kind: 'new' }, valuesFromPractice(null, c.get('locale')));
  })
  .post('/practices/new', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    try {
      const p = await createPractice(c.get('ctx'), c.get('actor'), { originalLanguage: body.originalLanguage, text: formToText(body), ...formToFacts(body) });
      return seeOther(c, `/practices/${p.id}`, 'created');
    } catch (e) {
      return showForm(c, c.get('t')('practices.new'), { kind: 'new' }, valuesFromBody(body), invalidOr(e));
    }
  })
  .get('/practices/:id/edit', async (c) => {
    const p = await getPractice(c.get('ctx'), c.get('actor'), c.req.param('id'));
    if (!canEditPractice(c.get('actor'), p)) throw forbidden();
    const lang = p.texts[c.req.query('lang') ?? ''] ? c.req.query('lang')! : p.originalLanguage;
    return showForm(c, c.get('t')('practice.edit'), { kind: 'edit', id: p.id, version: p.version, lang }, valuesFromPractice(p, lang));
  })
  .post('/practices/:id/edit', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const p = await getPractice(c.get('ctx'), c.get('actor'), c.req.param('id'));
    const lang = typeof body.lang === 'string' ? body.lang : p.originalLanguage;
    try {
      await updatePractice(c.get('ctx'), c.get('actor'), p.id, { expectedVersion: body.expectedVersion, lang, facts: formToFacts(body), text: formToText(body) });
      return seeOther(c, `/practices/${p.id}?lang=${encodeURIComponent(lang)}`, 'saved');
    } catch (e) {
      const mode = { kind: 'edit' as const, id: p.id, version: Number(body.expectedVersion) || p.version, lang };
      return showForm(c, c.get('t')('practice.edit'), mode, valuesFromBody(body), invalidOr(e));
    }
  });
