import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { alertCapXml } from '../../../domain/alerts/alert-cap.service.js';
import { canApproveAlert, canAuthorAlert, canSeeAlertProgress } from '../../../domain/alerts/alert-permissions.js';
import { decideAlert, getAlert } from '../../../domain/alerts/alerts.service.js';
import type { Alert } from '../../../domain/alerts/alerts.js';
import { CAP_MEDIA_TYPE } from '../../../domain/alerts/cap.js';
import { DomainError } from '../../../domain/errors.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { AlertFacts, AlertTexts, Headline } from '../../views/alerts-view.js';
import { CsrfField, ErrorSummary, TextArea } from '../../views/forms.js';
import { pickText } from '../../views/content.js';
import { signInFirst, viewEnvOf } from './alerts-shared.js';
import { flashOf, render, seeOther } from './page.js';

// A uuid: keeps "/alerts/new", "/alerts/import" and "/alerts/feed.atom" out of these routes.
const ID = ':id{[0-9a-fA-F-]{36}}';

type Refusal = { message?: string; fields?: Record<string, string>; note?: string };

function DecisionForms(props: { c: Context<WebEnv>; a: Alert; refusal: Refusal }) {
  const { c, a } = props;
  const t = c.get('t');
  const f = { t, errors: props.refusal.fields ?? {} };
  return (
    <section aria-labelledby="decide">
      <h2 id="decide">{t('alerts.decide')}</h2>
      <p class="hint">{t('alerts.decide_hint')}</p>
      <form method="post" action={`/alerts/${a.id}/decision`} novalidate>
        <CsrfField token={c.get('csrfToken')} />
        <ErrorSummary f={f} labels={{ note: t('alerts.note'), decision: t('alerts.decide') }} />
        <TextArea f={f} name="note" label={t('alerts.note')} value={props.refusal.note} rows={2} maxlength={1000} hint={t('alerts.note_hint')} />
        <div class="actions">
          <button type="submit" name="decision" value="approve">{t('alerts.approve')}</button>
          <button type="submit" name="decision" value="reject" class="secondary">{t('alerts.reject')}</button>
        </div>
      </form>
    </section>
  );
}

/** What an authority may do next, or why they cannot. */
function Actions(props: { c: Context<WebEnv>; a: Alert; refusal: Refusal }) {
  const { c, a } = props;
  const t = c.get('t');
  const actor = c.get('actor');
  if (a.status === 'pending') {
    if (canApproveAlert(actor, a)) return <DecisionForms c={c} a={a} refusal={props.refusal} />;
    if (!canAuthorAlert(actor)) return null;
    return <p class="notice">{t(actor?.id === a.createdBy ? 'alerts.waits_for_other' : 'alerts.waits_for_approver')}</p>;
  }
  if (a.status !== 'approved' || a.msgType === 'Cancel' || !canAuthorAlert(actor)) return null;
  return (
    <p class="actions">
      <a class="button" href={`/alerts/${a.id}/update`}>{t('alerts.update')}</a>
      <a class="button secondary" href={`/alerts/${a.id}/cancel`}>{t('alerts.cancel')}</a>
    </p>
  );
}

/** Everything about one alert: facts, texts per language, status, and what the reader may do. */
export async function showAlert(c: Context<WebEnv>, a: Alert, refusal: Refusal = {}, status: ContentfulStatusCode = 200) {
  const t = c.get('t');
  const env = await viewEnvOf(c, [a]);
  const { text } = pickText(a.texts, c.get('locale'), a.originalLanguage);
  return render(c, text.headline, (
    <>
      <p><a href="/alerts">{t('alerts.back')}</a></p>
      <h1><Headline env={env} a={a} /></h1>
      {refusal.message && <p class="errors" role="alert">{refusal.message}</p>}
      <AlertFacts env={env} a={a} byMe={c.get('actor')?.id === a.createdBy} />
      <Actions c={c} a={a} refusal={refusal} />
      <h2>{t('alerts.texts')}</h2>
      <AlertTexts env={env} a={a} />
      <h2>{t('alerts.formats')}</h2>
      <ul>
        <li><a href={`/alerts/${a.id}.xml`} type={CAP_MEDIA_TYPE}>{t('alerts.cap_xml')}</a></li>
        {canSeeAlertProgress(c.get('actor')) && <li><a href={`/alerts/${a.id}/progress`}>{t('alerts.progress_title')}</a></li>}
      </ul>
    </>
  ), status, flashOf(c));
}

const alertOf = (c: Context<WebEnv>) => getAlert(c.get('ctx'), c.get('actor'), c.req.param('id') ?? '');

export const alertPageRoutes = new Hono<WebEnv>()
  // The alert as CAP 1.2 XML: public once approved, like the page.
  .get(`/alerts/:file{[0-9a-fA-F-]{36}\\.xml}`, async (c) => {
    const a = await getAlert(c.get('ctx'), c.get('actor'), c.req.param('file').slice(0, -4));
    c.header('Content-Type', `${CAP_MEDIA_TYPE}; charset=utf-8`);
    c.header('Cache-Control', a.status === 'approved' ? 'private, max-age=60' : 'private, no-store');
    return c.body(await alertCapXml(c.get('ctx'), a));
  })
  .get(`/alerts/${ID}`, async (c) => showAlert(c, await alertOf(c)))
  .use(`/alerts/${ID}/decision`, signInFirst)
  .post(`/alerts/${ID}/decision`, async (c) => {
    const a = await alertOf(c);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const input = { decision: str(body, 'decision'), note: str(body, 'note') };
    try {
      const decided = await decideAlert(c.get('ctx'), c.get('actor'), a.id, input);
      return seeOther(c, `/alerts/${decided.id}`, decided.status === 'approved' ? 'alert_approved' : 'alert_rejected');
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const t = c.get('t');
      // The author is told why, on the alert's page; other refusals go to the error page.
      if (e.code === 'forbidden' && e.message === 'alerts.author_cannot_approve') return showAlert(c, a, { message: t(e.message) }, 403);
      if (e.code === 'conflict') return showAlert(c, await alertOf(c), { message: t(e.message) }, 409);
      if (e.code === 'invalid') return showAlert(c, a, { fields: e.fields, note: input.note }, 422);
      throw e;
    }
  });
