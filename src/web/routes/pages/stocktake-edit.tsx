import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, forbidden } from '../../../domain/errors.js';
import { getProcess } from '../../../domain/process/process.service.js';
import type { StocktakeActivity } from '../../../domain/stocktake/stocktake.js';
import { getActivity, mayEditActivity, recordActivity, updateActivity } from '../../../domain/stocktake/stocktake.service.js';
import { list, str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { ActivityForm, type ActivityFormValues } from '../../views/stocktake-form.js';
import { AID, ID, mayRecordNow } from './stocktake.js';
import { render, seeOther } from './page.js';
import { signInFirst } from './alerts-shared.js';

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

function valuesOf(body: FormBody): ActivityFormValues {
  const fields = ['organisationId', 'originalLanguage', 'title', 'description', 'communities', 'adminAreas', 'budgetAmount', 'budgetCurrency', 'startsOn', 'endsOn', 'partners', 'status'] as const;
  const lists = ['countries', 'targetGroups', 'themes', 'sdgs', 'wsis'] as const;
  return { ...Object.fromEntries(fields.map((k) => [k, str(body, k)])), ...Object.fromEntries(lists.map((k) => [k, list(body, k)])) } as ActivityFormValues;
}

function valuesOfActivity(a: StocktakeActivity): ActivityFormValues {
  const text = a.texts[a.originalLanguage]!;
  return {
    organisationId: a.organisation.id, originalLanguage: a.originalLanguage, title: text.title, description: text.description, communities: text.communities,
    countries: a.countries, adminAreas: a.adminAreas.map((k) => `${k.slice(0, 2)}: ${k.slice(3).replace(/-/g, ' ')}`).join('\n'), targetGroups: a.targetGroups,
    themes: a.themes, sdgs: a.sdgs.map(String), wsis: a.wsis, budgetAmount: a.budget ? String(a.budget.amount) : '', budgetCurrency: a.budget?.currency ?? '',
    startsOn: a.startsOn ?? '', endsOn: a.endsOn ?? '', partners: a.partners.join('\n'), status: a.status,
  };
}

/** The service's input; on an edit, translations other than the form's language are kept. */
function inputOf(v: ActivityFormValues, current?: StocktakeActivity) {
  return {
    organisationId: v.organisationId || null, originalLanguage: v.originalLanguage,
    texts: { ...current?.texts, [v.originalLanguage]: { title: v.title, description: v.description, communities: v.communities } },
    countries: v.countries, adminAreas: lines(v.adminAreas), hubIds: current?.hubIds ?? [], targetGroups: v.targetGroups, themes: v.themes, sdgs: v.sdgs, wsis: v.wsis,
    budgetAmount: v.budgetAmount, budgetCurrency: v.budgetCurrency, startsOn: v.startsOn, endsOn: v.endsOn, partners: lines(v.partners), status: v.status,
  };
}

/** Field errors keyed as the form names its fields ('texts.fr.title' → title, 'countries.2' → countries). */
function formErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    const name = k === 'texts' ? 'title' : k.startsWith('texts.') ? k.split('.')[2] ?? 'title' : k.split('.')[0]!;
    out[name] ??= v;
  }
  return out;
}

async function showForm(c: Context<WebEnv>, opts: { current?: StocktakeActivity; values?: ActivityFormValues; errors?: Record<string, string>; status?: ContentfulStatusCode; message?: string }) {
  const t = c.get('t');
  const process = await getProcess(c.get('ctx'), c.req.param('id'));
  const { isOpen, organisations } = await mayRecordNow(c, process);
  if (!opts.current && organisations.length === 0) throw forbidden('stocktake.no_organisation');
  const values = opts.values ?? (opts.current ? valuesOfActivity(opts.current) : { ...valuesOf({}), originalLanguage: c.get('locale'), status: 'ongoing', organisationId: organisations.length === 1 ? organisations[0]!.id : '' });
  const base = `/processes/${process.id}/stocktake`;
  const title = opts.current ? t('stocktake.edit') : t('stocktake.new');
  return render(c, title, (
    <>
      <p><a href={opts.current ? `${base}/${opts.current.id}` : base}>{t('stocktake.back')}</a></p>
      <h1>{title}</h1>
      {opts.message && <p class="errors" role="alert">{opts.message}</p>}
      {!isOpen && !opts.message && <p class="notice">{t('stocktake.closed')}</p>}
      <ActivityForm t={t} locale={c.get('locale')} csrfToken={c.get('csrfToken')} action={opts.current ? `${base}/${opts.current.id}/edit` : `${base}/new`}
        values={values} errors={opts.errors ?? {}} organisations={organisations} isEdit={Boolean(opts.current)} />
    </>
  ), opts.status ?? 200);
}

async function submit(c: Context<WebEnv>, current?: StocktakeActivity) {
  const values = valuesOf((await c.req.parseBody({ all: true })) as FormBody);
  try {
    const input = inputOf(values, current);
    const saved = current ? await updateActivity(c.get('ctx'), c.get('actor'), current.id, input) : await recordActivity(c.get('ctx'), c.get('actor'), c.req.param('id'), input);
    return seeOther(c, `/processes/${saved.processId}/stocktake/${saved.id}`, current ? 'stocktake_saved' : 'stocktake_recorded');
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    if (e.code === 'invalid') return showForm(c, { current, values, errors: formErrors(e.fields), status: 422 });
    if (e.code === 'conflict') return showForm(c, { current, values, message: c.get('t')(e.message), status: 409 });
    throw e;
  }
}

async function editable(c: Context<WebEnv>) {
  const a = await getActivity(c.get('ctx'), c.req.param('aid'));
  if (a.processId !== c.req.param('id') || !(await mayEditActivity(c.get('ctx'), c.get('actor'), a))) throw forbidden('stocktake.not_your_organisation');
  return a;
}

export const stocktakeEditRoutes = new Hono<WebEnv>()
  .use(`/processes/${ID}/stocktake/new`, signInFirst)
  .use(`/processes/${ID}/stocktake/${AID}/edit`, signInFirst)
  .get(`/processes/${ID}/stocktake/new`, (c) => showForm(c, {}))
  .post(`/processes/${ID}/stocktake/new`, (c) => submit(c))
  .get(`/processes/${ID}/stocktake/${AID}/edit`, async (c) => showForm(c, { current: await editable(c) }))
  .post(`/processes/${ID}/stocktake/${AID}/edit`, async (c) => submit(c, await editable(c)));
