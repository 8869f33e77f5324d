import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getAccountability, getCommitment, hasAdoptedPlan, listPlanItems, mayReportOn, organisationsFor, recordCommitment, reportProgress } from '../../../domain/accountability/accountability.service.js';
import { hubsFor, recordStory } from '../../../domain/accountability/stories.service.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import { getProcess } from '../../../domain/process/process.service.js';
import { list, str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { CommitmentForm, ProgressForm, StoryForm, type CommitmentFormValues, type ProgressFormValues, type StoryFormValues } from '../../views/accountability-forms.js';
import { commitmentHref, commitmentTitle } from '../../views/accountability-view.js';
import { accountabilityBase, CID, isPhaseOpen } from './accountability.js';
import { signInFirst } from './alerts-shared.js';
import { render, seeOther } from './page.js';
import { ID } from './stocktake.js';

export const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
/** Practices are named by their address or id, one per line: the id is what counts. */
const practiceIdsOf = (s: string) => lines(s).map((l) => /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(l)?.[0] ?? l);

export type Shown = { values?: unknown; errors?: Record<string, string>; status?: ContentfulStatusCode; message?: string };

/**
 * Re-renders a form after a refusal: 422 with field errors (or the message of a refusal without fields, such as
 * "nothing changed"), 409 with the conflict's message (the phase, a withdrawn commitment); anything else goes on.
 */
export function refusal(c: Context<WebEnv>, e: unknown): Shown {
  if (!(e instanceof DomainError)) throw e;
  if (e.code === 'invalid') return Object.keys(e.fields).length ? { errors: e.fields, status: 422 } : { message: c.get('t')(e.message), status: 422 };
  if (e.code === 'conflict') return { message: c.get('t')(e.message), status: 409 };
  throw e;
}

export function page(c: Context<WebEnv>, title: string, back: string, isOpen: boolean, shown: Shown, form: unknown, backLabel = c.get('t')('accountability.back')) {
  const t = c.get('t');
  return render(c, title, (
    <>
      <p><a href={back}>{backLabel}</a></p>
      <h1>{title}</h1>
      {shown.message && <p class="errors" role="alert">{shown.message}</p>}
      {!isOpen && !shown.message && <p class="notice">{t('accountability.closed')}</p>}
      {form}
    </>
  ), shown.status ?? 200);
}

async function commitmentPage(c: Context<WebEnv>, shown: Shown = {}) {
  const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
  const process = await getProcess(ctx, c.req.param('id'));
  const organisations = await organisationsFor(ctx, c.get('actor'));
  if (organisations.length === 0) throw forbidden('accountability.no_organisation');
  const base = accountabilityBase(process.id);
  // Commitments are made to an adopted action plan's items: without one, say so (and where the plan is) instead of a form.
  if (!(await hasAdoptedPlan(ctx, process.id))) {
    return page(c, t('accountability.new_commitment'), base, isPhaseOpen(process, 'commitments'), shown,
      <p class="notice">{t('accountability.plan_not_adopted')} <a href={`/processes/${process.id}/plan`}>{t('accountability.see_plan')}</a></p>);
  }
  const items = await listPlanItems(ctx, process.id, { adoptedOnly: true });
  const values = (shown.values as CommitmentFormValues) ?? {
    organisationId: organisations.length === 1 ? organisations[0]!.id : '', originalLanguage: locale, title: '', indicator: '', baseline: '', target: '', unit: '', deadline: '', partners: '', weights: {},
  };
  return page(c, t('accountability.new_commitment'), base, isPhaseOpen(process, 'commitments'), shown,
    <CommitmentForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={`${base}/commitments/new`} values={values} errors={shown.errors ?? {}} organisations={organisations} items={items} />);
}

async function progressPage(c: Context<WebEnv>, shown: Shown = {}) {
  const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
  const process = await getProcess(ctx, c.req.param('id'));
  const commitment = await getCommitment(ctx, c.req.param('cid'));
  if (commitment.processId !== process.id) return c.notFound();
  if (!(await mayReportOn(ctx, c.get('actor'), commitment))) throw forbidden('accountability.not_your_organisation');
  const values = (shown.values as ProgressFormValues) ?? { reportedOn: '', value: '', note: '', evidenceUrl: '', practice: '' };
  const base = accountabilityBase(process.id);
  const title = commitmentTitle(commitment, locale);
  if (commitment.status !== 'active') {
    return page(c, t('accountability.report_title', { title: title.text.title }), commitmentHref(commitment), true, { message: t('accountability.withdrawn'), status: shown.status }, null);
  }
  return page(c, t('accountability.report_title', { title: title.text.title }), `${base}#c-${commitment.id}`, isPhaseOpen(process, 'progress'), shown,
    <ProgressForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={`${base}/commitments/${commitment.id}/progress`} values={values} errors={shown.errors ?? {}} unit={commitment.unit} />);
}

async function storyPage(c: Context<WebEnv>, shown: Shown = {}) {
  const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
  const process = await getProcess(ctx, c.req.param('id'));
  const hubs = await hubsFor(ctx, c.get('actor'));
  if (hubs.length === 0) throw forbidden('story.not_your_hub');
  const { items } = await getAccountability(ctx, process.id);
  const values = (shown.values as StoryFormValues) ?? { hubId: hubs.length === 1 ? hubs[0]!.id : '', lang: locale, title: '', text: '', itemIds: [], practices: '' };
  const base = accountabilityBase(process.id);
  return page(c, t('story.new'), base, true, shown,
    <StoryForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={`${base}/stories/new`} values={values} errors={shown.errors ?? {}} hubs={hubs} items={items} />);
}

export const accountabilityFormRoutes = new Hono<WebEnv>()
  // The commitment's own page (…/commitments/:cid) is public: only the forms ask to sign in.
  .use(`/processes/${ID}/accountability/commitments/new`, signInFirst)
  .use(`/processes/${ID}/accountability/commitments/${CID}/progress`, signInFirst)
  .use(`/processes/${ID}/accountability/stories/new`, signInFirst)
  .get(`/processes/${ID}/accountability/commitments/new`, (c) => commitmentPage(c))
  .post(`/processes/${ID}/accountability/commitments/new`, async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const fields = ['organisationId', 'originalLanguage', 'title', 'indicator', 'baseline', 'target', 'unit', 'deadline', 'partners'] as const;
    const weights = Object.fromEntries(Object.keys(body).filter((k) => k.startsWith('weight.')).map((k) => [k.slice(7), str(body, k).trim()]));
    const values = { ...Object.fromEntries(fields.map((k) => [k, str(body, k)])), weights } as CommitmentFormValues;
    try {
      await recordCommitment(c.get('ctx'), c.get('actor'), c.req.param('id'), {
        organisationId: values.organisationId || null, originalLanguage: values.originalLanguage, texts: { [values.originalLanguage]: { title: values.title, indicator: values.indicator } },
        partners: lines(values.partners), baseline: values.baseline, target: values.target, unit: values.unit, deadline: values.deadline,
        items: Object.entries(weights).filter(([, w]) => w !== '').map(([itemId, weight]) => ({ itemId, weight })),
      });
      return seeOther(c, accountabilityBase(c.req.param('id')), 'commitment_recorded');
    } catch (e) {
      const shown = refusal(c, e);
      // 'texts.fr.title' is the form's title field.
      const errors = Object.fromEntries(Object.entries(shown.errors ?? {}).map(([k, v]) => [k.startsWith('texts.') ? k.split('.')[2] ?? 'title' : k === 'texts' ? 'title' : k.split('.')[0]!, v]));
      return commitmentPage(c, { ...shown, errors, values });
    }
  })
  .get(`/processes/${ID}/accountability/commitments/${CID}/progress`, (c) => progressPage(c))
  // Multipart, for the document; write-guard.ts lets this path carry the document's 2 MiB plus the form.
  .post(`/processes/${ID}/accountability/commitments/${CID}/progress`, async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const file = [body.document].flat().find((f): f is File => f instanceof File && f.size > 0);
    const values: ProgressFormValues = {
      reportedOn: str(body, 'reportedOn'), value: str(body, 'value'), note: str(body, 'note'), evidenceUrl: str(body, 'evidenceUrl'), practice: str(body, 'practice'), documentName: file?.name ?? '',
    };
    try {
      const document = file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
      const { documentName: _, ...input } = values;
      await reportProgress(c.get('ctx'), c.get('actor'), c.req.param('cid'), { ...input, evidencePracticeId: practiceIdsOf(values.practice)[0] ?? '' }, document);
      return seeOther(c, `${accountabilityBase(c.req.param('id'))}#c-${c.req.param('cid')}`, 'progress_reported');
    } catch (e) {
      return progressPage(c, { ...refusal(c, e), values });
    }
  })
  .get(`/processes/${ID}/accountability/stories/new`, (c) => storyPage(c))
  // Multipart, for the recording; write-guard.ts lets this path carry the audio's 1 MB plus the form.
  .post(`/processes/${ID}/accountability/stories/new`, async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const values: StoryFormValues = { hubId: str(body, 'hubId'), lang: str(body, 'lang'), title: str(body, 'title'), text: str(body, 'text'), itemIds: list(body, 'itemIds'), practices: str(body, 'practices') };
    const file = [body.audio].flat().find((f): f is File => f instanceof File && f.size > 0);
    try {
      const audio = file ? new Uint8Array(await file.arrayBuffer()) : null;
      await recordStory(c.get('ctx'), c.get('actor'), c.req.param('id'), { ...values, practiceIds: practiceIdsOf(values.practices) }, audio);
      return seeOther(c, `${accountabilityBase(c.req.param('id'))}#stories`, 'story_recorded');
    } catch (e) {
      const shown = refusal(c, e);
      const errors = Object.fromEntries(Object.entries(shown.errors ?? {}).map(([k, v]) => [k.split('.')[0]!, v]));
      return storyPage(c, { ...shown, errors, values });
    }
  });
