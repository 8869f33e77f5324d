import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { addActionItem, adoptDocument, getSectionDocument, getSectionHistory } from '../../../domain/action-plan/action-plan.service.js';
import { countAmendmentVotes, decideAmendment, findAmendment, proposeAmendment, voteOnAmendment } from '../../../domain/action-plan/amendments.service.js';
import { DomainError } from '../../../domain/errors.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { CsrfField, ErrorSummary, TextArea } from '../../views/forms.js';
import { documentTitle } from '../../views/plan-view.js';
import { signInFirst } from './alerts-shared.js';
import { render, seeOther } from './page.js';
import { DOC, documentOf, ID, showDocument, SID } from './plan.js';

const AMID = ':aid{[0-9a-fA-F-]{36}}';

type FormState = { values?: { text: string; rationale: string; baseVersion: string; lang: string }; errors?: Record<string, string>; message?: string; status?: ContentfulStatusCode };

/** The propose-amendment form: the section's current text to edit, in the language shown, against its version. */
async function showProposal(c: Context<WebEnv>, form: FormState = {}) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  const { document: doc } = await getSectionHistory(c.get('ctx'), c.req.param('sid'));
  if (doc.processId !== c.req.param('id')) return c.notFound();
  const section = doc.sections.find((s) => s.id === c.req.param('sid'))!;
  const current = pickText(section.texts, locale, doc.originalLanguage);
  const values = form.values ?? { text: current.text, rationale: '', baseVersion: String(section.version), lang: current.lang };
  const f = { t, errors: form.errors ?? {} };
  const heading = t('plan.propose_title', { n: section.position });
  const title = documentTitle(doc, locale);
  return render(c, heading, (
    <>
      <p><a href={`/processes/${doc.processId}/plan/${doc.id}#section-${section.position}`} lang={title.lang} dir={title.dir}>{title.text.title}</a></p>
      <h1>{heading}</h1>
      <p>{t('plan.propose_intro', { version: values.baseVersion })}</p>
      {form.message && <p class="errors" role="alert">{form.message}</p>}
      <form method="post" action={c.req.path} novalidate>
        <CsrfField token={c.get('csrfToken')} />
        <input type="hidden" name="baseVersion" value={values.baseVersion} />
        <input type="hidden" name="lang" value={values.lang} />
        <ErrorSummary f={f} labels={{ text: t('plan.proposed_text'), rationale: t('plan.rationale') }} />
        <TextArea f={f} name="text" label={t('plan.proposed_text')} value={values.text} rows={8} required lang={values.lang} dir={pickText({ [values.lang]: 1 }, values.lang, values.lang).dir} />
        <TextArea f={f} name="rationale" label={t('plan.rationale')} value={values.rationale} rows={3} />
        <button type="submit">{t('plan.propose_submit')}</button>
      </form>
    </>
  ), form.status ?? 200);
}

/** A refusal of an action taken on the document page comes back on it; other errors go to the error page. */
async function onDocument(c: Context<WebEnv>, documentId: string, action: () => Promise<unknown>, done: string) {
  try {
    await action();
    return seeOther(c, `/processes/${c.req.param('id')}/plan/${documentId}`, done);
  } catch (e) {
    if (!(e instanceof DomainError) || (e.code !== 'conflict' && e.code !== 'invalid')) throw e;
    const found = await documentOf(c, documentId);
    if (!found) return c.notFound();
    return showDocument(c, found, c.get('t')(e.message === 'error.invalid' ? 'plan.invalid_choice' : e.message), e.code === 'conflict' ? 409 : 422);
  }
}

export const planActionRoutes = new Hono<WebEnv>()
  .use(`/processes/${ID}/plan/sections/${SID}/amend`, signInFirst)
  .get(`/processes/${ID}/plan/sections/${SID}/amend`, (c) => showProposal(c))
  .post(`/processes/${ID}/plan/sections/${SID}/amend`, async (c) => {
    const body = (await c.req.parseBody()) as FormBody;
    const values = { text: str(body, 'text'), rationale: str(body, 'rationale'), baseVersion: str(body, 'baseVersion'), lang: str(body, 'lang') };
    try {
      const a = await proposeAmendment(c.get('ctx'), c.get('actor'), c.req.param('sid'), values);
      const { documentId } = await findAmendment(c.get('ctx'), a.id);
      return seeOther(c, `/processes/${c.req.param('id')}/plan/${documentId}`, 'amendment_proposed');
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'invalid') return showProposal(c, { values, errors: e.fields, status: 422 });
      if (e.code === 'conflict') return showProposal(c, { values, message: c.get('t')(e.message), status: 409 });
      throw e;
    }
  })
  .post(`/processes/${ID}/plan/amendments/${AMID}/vote`, async (c) => {
    const { vote } = (await c.req.parseBody()) as Record<string, string>;
    const { documentId } = await findAmendment(c.get('ctx'), c.req.param('aid'));
    return onDocument(c, documentId, () => voteOnAmendment(c.get('ctx'), c.get('actor'), c.req.param('aid'), { vote }), 'amendment_voted');
  })
  .post(`/processes/${ID}/plan/amendments/${AMID}/decision`, async (c) => {
    const { decision } = (await c.req.parseBody()) as Record<string, string>;
    const { documentId } = await findAmendment(c.get('ctx'), c.req.param('aid'));
    const [ctx, actor, id] = [c.get('ctx'), c.get('actor'), c.req.param('aid')];
    return onDocument(c, documentId, () => (decision === 'count' ? countAmendmentVotes(ctx, actor, id) : decideAmendment(ctx, actor, id, { decision })), 'amendment_decided');
  })
  .post(`/processes/${ID}/plan/sections/${SID}/items`, async (c) => {
    const body = (await c.req.parseBody()) as FormBody;
    const values = { code: str(body, 'code'), weight: str(body, 'weight'), title: str(body, 'title') };
    const doc = await getSectionDocument(c.get('ctx'), c.req.param('sid'));
    if (doc.processId !== c.req.param('id')) return c.notFound();
    try {
      await addActionItem(c.get('ctx'), c.get('actor'), c.req.param('sid'), {
        code: values.code, weight: values.weight.trim() === '' ? undefined : values.weight, texts: { [doc.originalLanguage]: { title: values.title } },
      });
      return seeOther(c, `/processes/${doc.processId}/plan/${doc.id}#section-${doc.sections.find((s) => s.id === c.req.param('sid'))!.position}`, 'plan_item_added');
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'conflict' && e.code !== 'invalid')) throw e;
      // 'texts.en.title' (or 'texts' when missing) is the form's title field.
      const errors = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.startsWith('texts') ? 'title' : k, v]));
      // A refusal that is not about the fields (phase, adopted, a declaration) goes at the top: the form may not be shown.
      const notPlan = e.fields.code === 'plan.items_only_in_action_plan';
      const message = notPlan ? 'plan.items_only_in_action_plan' : e.code === 'conflict' && e.message !== 'plan.code_taken' ? e.message : undefined;
      const found = await documentOf(c, doc.id);
      const status = e.code === 'conflict' ? 409 : 422;
      return message ? showDocument(c, found!, c.get('t')(message), status) : showDocument(c, found!, undefined, status, { sectionId: c.req.param('sid'), values, errors });
    }
  })
  .post(`/processes/${ID}/plan/${DOC}/adopt`, async (c) => onDocument(c, c.req.param('doc'), () => adoptDocument(c.get('ctx'), c.get('actor'), c.req.param('doc')), 'plan_adopted'));
