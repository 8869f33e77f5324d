import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canAuthorAlert } from '../../../domain/alerts/alert-permissions.js';
import { alertProgress, changeAlert, getAlert } from '../../../domain/alerts/alerts.service.js';
import { MAX_SMS_CHARS, type Alert } from '../../../domain/alerts/alerts.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import { isRtl, languageName } from '../../../domain/taxonomy/index.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { ProgressView } from '../../views/alerts-progress-view.js';
import { Headline } from '../../views/alerts-view.js';
import { CsrfField, ErrorSummary, RequiredNote, TextArea } from '../../views/forms.js';
import { fieldsOf, headlineEnv, signInFirst } from './alerts-shared.js';
import { render, seeOther } from './page.js';

const ID = ':id{[0-9a-fA-F-]{36}}';
const HOUR = 3600 * 1000;

const alertOf = (c: Context<WebEnv>) => getAlert(c.get('ctx'), c.get('actor'), c.req.param('id') ?? '');

/** The alert's languages, the original first: a reason may be given in each. */
const languagesOf = (a: Alert) => [a.originalLanguage, ...Object.keys(a.texts).filter((l) => l !== a.originalLanguage)];

async function cancellable(c: Context<WebEnv>): Promise<Alert> {
  const a = await alertOf(c);
  if (!canAuthorAlert(c.get('actor'))) throw forbidden();
  if (a.status !== 'approved') throw new DomainError('conflict', 'alerts.not_approved');
  if (a.msgType === 'Cancel') throw new DomainError('conflict', 'alerts.already_cancelled');
  return a;
}

async function showCancel(c: Context<WebEnv>, a: Alert, reasons: Record<string, string> = {}, errors: Record<string, string> = {}, status: ContentfulStatusCode = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const env = headlineEnv(c);
  const f = { t, errors };
  const labels = Object.fromEntries(languagesOf(a).map((l) => [`reason.${l}`, t('alerts.cancel_reason_in', { language: languageName(l, locale) })]));
  return render(c, t('alerts.cancel_title'), (
    <>
      <p><a href={`/alerts/${a.id}`}>{t('alerts.back')}</a></p>
      <h1>{t('alerts.cancel_title')}</h1>
      <p><a href={`/alerts/${a.id}`}><Headline env={env} a={a} /></a></p>
      <p class="notice">{t('alerts.cancel_intro')}</p>
      <form method="post" action={`/alerts/${a.id}/cancel`} novalidate>
        <CsrfField token={c.get('csrfToken')} />
        <ErrorSummary f={f} labels={{ ...labels, _: t('alerts.cancel_title') }} />
        <RequiredNote t={t} />
        {languagesOf(a).map((l, i) => (
          <TextArea f={f} name={`reason.${l}`} label={labels[`reason.${l}`]!} value={reasons[l]} required={i === 0} rows={3}
            hint={t('alerts.cancel_reason_hint', { max: MAX_SMS_CHARS })} lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'} />
        ))}
        <button type="submit">{t('alerts.cancel_submit')}</button>
      </form>
    </>
  ), status);
}

/**
 * A Cancel carries the alert's facts, in force from now, and per language the reason as its SMS and
 * description; languages left blank fall back to the original's for their readers, as the fan-out does.
 */
function cancelInput(a: Alert, reasons: Record<string, string>, now: Date) {
  const texts = Object.fromEntries(
    Object.entries(reasons).filter(([, r]) => r.trim() !== '').map(([l, r]) => [l, { headline: a.texts[l]!.headline, description: r, instruction: '', sms: r }]),
  );
  const alert = {
    category: a.category, severity: a.severity, urgency: a.urgency, certainty: a.certainty, countries: a.countries, adminAreas: a.adminAreas, hubIds: a.hubIds,
    effectiveAt: now, expiresAt: new Date(Math.max(a.expiresAt.getTime(), now.getTime() + HOUR)), originalLanguage: a.originalLanguage, texts,
  };
  return { msgType: 'Cancel', alert };
}

/** `alert.texts.ha.sms` → `reason.ha`; what the reader cannot change (the copied facts) goes on the form as a whole. */
function reasonErrors(fields: Record<string, string>, a: Alert): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, code] of Object.entries(fields)) {
    const m = /^alert\.texts\.([^.]+)\./.exec(path);
    const name = m ? `reason.${m[1]}` : path === 'alert.texts' ? `reason.${a.originalLanguage}` : '_';
    out[name] ??= code === 'validation.original_text_required' ? 'validation.required' : code;
  }
  return out;
}

export const alertActionRoutes = new Hono<WebEnv>()
  .use(`/alerts/${ID}/cancel`, signInFirst)
  .get(`/alerts/${ID}/cancel`, async (c) => showCancel(c, await cancellable(c)))
  .post(`/alerts/${ID}/cancel`, async (c) => {
    const a = await cancellable(c);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const reasons = Object.fromEntries(languagesOf(a).map((l) => [l, str(body, `reason.${l}`)]));
    if (!reasons[a.originalLanguage]!.trim()) return showCancel(c, a, reasons, { [`reason.${a.originalLanguage}`]: 'validation.required' }, 422);
    try {
      const cancel = await changeAlert(c.get('ctx'), c.get('actor'), a.id, cancelInput(a, reasons, c.get('ctx').clock.now()), 'web');
      return seeOther(c, `/alerts/${cancel.id}`, 'alert_cancel_created');
    } catch (e) {
      return showCancel(c, a, reasons, reasonErrors(fieldsOf(e), a), 422);
    }
  })
  // Counts only, never a number: dispatch state, messages per status, failure reasons.
  .use(`/alerts/${ID}/progress`, signInFirst)
  .get(`/alerts/${ID}/progress`, async (c) => {
    const t = c.get('t');
    const progress = await alertProgress(c.get('ctx'), c.get('actor'), c.req.param('id') ?? '');
    const a = await alertOf(c);
    const env = headlineEnv(c);
    return render(c, t('alerts.progress_title'), (
      <>
        <p><a href={`/alerts/${a.id}`}>{t('alerts.back')}</a></p>
        <h1>{t('alerts.progress_title')}</h1>
        <p><a href={`/alerts/${a.id}`}><Headline env={env} a={a} /></a> · <span class="status">{t(`alerts.status.${a.status}`)}</span></p>
        <ProgressView t={t} locale={c.get('locale')} progress={progress} isRtl={isRtl(c.get('locale'))} />
      </>
    ));
  });
