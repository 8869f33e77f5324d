import { Hono, type Context } from 'hono';
import { maskPhone } from '../../../domain/subscribers/phone.js';
import {
  blockNumber, exportSubscriber, forgetSubscriber, getSubscriber, unblockNumber,
} from '../../../domain/subscribers/subscriber-admin.service.js';
import type { SubscriberExport } from '../../../domain/subscribers/subscribers.js';
import { languageName } from '../../../domain/taxonomy/index.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { translateFieldError } from '../../i18n/i18n.js';
import { areasNamed, displayPhone } from '../../views/admin-subscribers-labels.js';
import { ConsentLog, Msg, Phone, StatusText, SubscriptionTable, When, type ViewEnv } from '../../views/admin-subscribers-view.js';
import { CsrfField, ErrorSummary, RequiredNote, TextField } from '../../views/forms.js';
import { fieldsOf, placeNamesOf, signInFirst } from './admin-subscribers-shared.js';
import { flashOf, render, seeOther } from './page.js';

type Held = SubscriberExport & { subscriber: NonNullable<SubscriberExport['subscriber']> };
type Errors = { reason?: string; confirm?: string };

function BlockForms(props: { c: Context<WebEnv>; held: Held; errors: Errors; reason?: string }) {
  const { c, held } = props;
  const t = c.get('t');
  const errors: Record<string, string> = props.errors.reason ? { reason: props.errors.reason } : {};
  const f = { t, errors };
  const action = `/admin/subscribers/${held.subscriber.id}`;
  return (
    <>
      <h3>{held.block ? t('subscribers.unblock') : t('subscribers.block')}</h3>
      <p class="hint">{t('subscribers.block_hint')}</p>
      {held.block && (
        <form method="post" action={`${action}/unblock`}>
          <CsrfField token={c.get('csrfToken')} />
          <button type="submit">{t('subscribers.unblock_submit')}</button>
        </form>
      )}
      <form method="post" action={`${action}/block`} novalidate>
        <CsrfField token={c.get('csrfToken')} />
        <ErrorSummary f={f} labels={{ reason: t('subscribers.block_reason') }} />
        <RequiredNote t={t} />
        <TextField f={f} name="reason" label={t('subscribers.block_reason')} value={props.reason ?? held.block?.reason} required maxlength={500} />
        <button type="submit" class={held.block ? 'secondary' : undefined}>{held.block ? t('subscribers.block_change') : t('subscribers.block_submit')}</button>
      </form>
    </>
  );
}

function ForgetForm(props: { c: Context<WebEnv>; held: Held; errors: Errors }) {
  const { c, held } = props;
  const t = c.get('t');
  const err = props.errors.confirm && translateFieldError(t, props.errors.confirm);
  return (
    <>
      <h3>{t('subscribers.forget')}</h3>
      <p class="hint">{t('subscribers.forget_hint')}</p>
      <form method="post" action={`/admin/subscribers/${held.subscriber.id}/forget`} novalidate>
        <CsrfField token={c.get('csrfToken')} />
        {err && <div class="errors" role="alert"><p><a href="#f-confirm">{err}</a></p></div>}
        <div class="field">
          {err && <p class="error" id="f-confirm-err">{err}</p>}
          <label><input id="f-confirm" type="checkbox" name="confirm" value="yes" aria-invalid={err ? 'true' : undefined} aria-describedby={err ? 'f-confirm-err' : undefined} /> {t('subscribers.forget_confirm')}</label>
        </div>
        <button type="submit">{t('subscribers.forget_submit')}</button>
      </form>
    </>
  );
}

/** Everything held about one subscriber, and what an admin may do about it. */
async function detailPage(c: Context<WebEnv>, held: Held, errors: Errors = {}, reason?: string) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  const s = held.subscriber;
  const env: ViewEnv = { t, locale, names: await placeNamesOf(c, areasNamed(held.subscriptions, held.consentEvents)) };
  const number = <Phone e164={s.phone} />;
  // A title cannot carry `dir`: the number is isolated left-to-right by Unicode marks (LRI … PDI) instead.
  return render(c, `${t('subscribers.subscriber')} \u2066${displayPhone(s.phone)}\u2069`, (
    <>
      <p><a href="/admin/subscribers">{t('subscribers.back')}</a></p>
      <h1><Msg t={t} k="subscribers.open" slots={{ number }} /></h1>
      <dl class="facts">
        <dt>{t('subscribers.number')}</dt><dd>{number}</dd>
        <dt>{t('subscribers.language')}</dt><dd>{languageName(s.language, locale)}</dd>
        <dt>{t('subscribers.status')}</dt><dd><StatusText env={env} s={s} /></dd>
        <dt>{t('subscribers.created')}</dt><dd><When at={s.createdAt} locale={locale} withTime /></dd>
        <dt>{t('subscribers.updated')}</dt><dd><When at={s.updatedAt} locale={locale} withTime /></dd>
        <dt>{t('subscribers.block_state')}</dt>
        <dd>{held.block ? <Msg t={t} k="subscribers.blocked_since" values={{ reason: held.block.reason }} slots={{ date: <When at={held.block.createdAt} locale={locale} /> }} /> : t('subscribers.not_blocked')}</dd>
      </dl>
      <h2>{t('subscribers.subscriptions')}</h2>
      <SubscriptionTable env={env} subscriptions={held.subscriptions} />
      <h2>{t('subscribers.consent_log')}</h2>
      <p class="hint">{t('subscribers.consent_log_hint')}</p>
      <ConsentLog env={env} events={held.consentEvents} />
      <h2>{t('subscribers.actions')}</h2>
      <h3>{t('subscribers.export')}</h3>
      <p class="hint">{t('subscribers.export_hint')}</p>
      <form method="post" action={`/admin/subscribers/${s.id}/export`}>
        <CsrfField token={c.get('csrfToken')} />
        <button type="submit">{t('subscribers.export_submit')}</button>
      </form>
      <BlockForms c={c} held={held} errors={errors} reason={reason} />
      <ForgetForm c={c} held={held} errors={errors} />
    </>
  ), errors.reason || errors.confirm ? 422 : 200, flashOf(c));
}

/** The subscriber of `:id`; forbidden for anyone but an admin, not found when there is none. */
async function heldOf(c: Context<WebEnv>): Promise<Held> {
  return (await getSubscriber(c.get('ctx'), c.get('actor'), c.req.param('id') ?? '')) as Held;
}

const formOf = async (c: Context<WebEnv>) => (await c.req.parseBody({ all: true })) as FormBody;

export const adminSubscriberDetailRoutes = new Hono<WebEnv>()
  .use('/admin/subscribers/*', signInFirst)
  .get('/admin/subscribers/:id', async (c) => detailPage(c, await heldOf(c)))
  // A download of everything held, as `passerelle subscriber export` writes it. POST (with the form's
  // token) so that a link elsewhere cannot make an admin's browser fetch it.
  .post('/admin/subscribers/:id/export', async (c) => {
    const held = await heldOf(c);
    const data = await exportSubscriber(c.get('ctx'), c.get('actor'), held.phone);
    c.header('Content-Disposition', `attachment; filename="subscriber-${held.subscriber.id}.json"`);
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(JSON.stringify(data, null, 2));
  })
  .post('/admin/subscribers/:id/forget', async (c) => {
    const held = await heldOf(c);
    if (str(await formOf(c), 'confirm') !== 'yes') return detailPage(c, held, { confirm: 'subscribers.forget_confirm_required' });
    await forgetSubscriber(c.get('ctx'), c.get('actor'), held.phone);
    // The notice names the number only masked: the address stays in the browser's history.
    return c.redirect(`/admin/subscribers?forgotten=${encodeURIComponent(maskPhone(held.phone))}`, 303);
  })
  .post('/admin/subscribers/:id/block', async (c) => {
    const held = await heldOf(c);
    const reason = str(await formOf(c), 'reason');
    try {
      await blockNumber(c.get('ctx'), c.get('actor'), { phone: held.phone, reason });
      return seeOther(c, `/admin/subscribers/${held.subscriber.id}`, 'number_blocked');
    } catch (e) {
      return detailPage(c, held, { reason: fieldsOf(e).reason ?? 'validation.invalid' }, reason);
    }
  })
  .post('/admin/subscribers/:id/unblock', async (c) => {
    const held = await heldOf(c);
    await unblockNumber(c.get('ctx'), c.get('actor'), { phone: held.phone });
    return seeOther(c, `/admin/subscribers/${held.subscriber.id}`, 'number_unblocked');
  });
