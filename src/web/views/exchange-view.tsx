import type { Actor } from '../../domain/accounts/accounts.js';
import { canActForHub } from '../../domain/accounts/permissions.js';
import type { Exchange } from '../../domain/exchanges/exchanges.js';
import type { Translate } from '../i18n/i18n.js';
import { CsrfField } from './forms.js';
import { formatDate } from './labels.js';

type Names = Record<string, string>;

/** One exchange: who asked whom about what, its status, the thread, and what the reader may do next. */
export function ExchangeView(props: { t: Translate; locale: string; actor: Actor; csrfToken: string; e: Exchange; hubNames: Names; practiceTitle?: string }) {
  const { t, locale, actor, e, hubNames } = props;
  const csrf = <CsrfField token={props.csrfToken} />;
  const canAnswer = e.status === 'requested' && canActForHub(actor, e.toHubId);
  return (
    <article>
      <h1>{t('exchange.title', { from: hubNames[e.fromHubId] ?? '', to: hubNames[e.toHubId] ?? '' })}</h1>
      <p>
        <span class="status">{t(`exchange.status_${e.status}`)}</span>{' '}
        {e.practiceId && <>· {t('exchange.about')} <a href={`/practices/${e.practiceId}`}>{props.practiceTitle ?? t('nav.practices')}</a></>}
      </p>
      <ol class="cards" aria-label={t('exchange.thread')}>
        {e.messages.map((m) => (
          <li>
            <p class="meta"><a href={`/hubs/${m.hubId}`}>{hubNames[m.hubId] ?? ''}</a> · {m.userName ?? t('history.someone')} · <time datetime={m.createdAt.toISOString()}>{formatDate(m.createdAt, locale)}</time></p>
            <p>{m.body}</p>
          </li>
        ))}
      </ol>
      {canAnswer && (
        <form method="post" action={`/exchanges/${e.id}/answer`}>
          {csrf}
          <div class="field">
            <label for="answer-message">{t('exchange.answer_message')}</label>
            <textarea id="answer-message" name="message" rows={3} maxlength={2000}></textarea>
          </div>
          <div class="actions">
            <button type="submit" name="answer" value="accept">{t('exchange.accept')}</button>
            <button type="submit" name="answer" value="decline" class="secondary">{t('exchange.decline')}</button>
          </div>
        </form>
      )}
      {e.status !== 'declined' && (
        <form method="post" action={`/exchanges/${e.id}/messages`}>
          {csrf}
          <div class="field">
            <label for="exchange-body">{t('exchange.write')}</label>
            <textarea id="exchange-body" name="body" rows={3} maxlength={2000} required></textarea>
          </div>
          <button type="submit">{t('exchange.send')}</button>
        </form>
      )}
    </article>
  );
}

/** The form that opens an exchange, on a peer hub's page or a practice's page, for coordinators of another hub. */
export function AskExchangeForm(props: { t: Translate; csrfToken: string; myHubs: { value: string; label: string }[]; toHubId?: string; practiceId?: string }) {
  const { t } = props;
  if (props.myHubs.length === 0) return null;
  return (
    <form method="post" action="/exchanges" class="no-print">
      <CsrfField token={props.csrfToken} />
      <h2>{t('exchange.ask')}</h2>
      {props.toHubId && <input type="hidden" name="toHubId" value={props.toHubId} />}
      {props.practiceId && <input type="hidden" name="practiceId" value={props.practiceId} />}
      {props.myHubs.length > 1 ? (
        <div class="field">
          <label for="from-hub">{t('exchange.from_hub')}</label>
          <select id="from-hub" name="fromHubId">{props.myHubs.map((h) => <option value={h.value}>{h.label}</option>)}</select>
        </div>
      ) : <input type="hidden" name="fromHubId" value={props.myHubs[0]!.value} />}
      <div class="field">
        <label for="ask-message">{t('exchange.message')}</label>
        <p class="hint" id="ask-message-hint">{t('exchange.message_hint')}</p>
        <textarea id="ask-message" name="message" rows={3} maxlength={2000} required aria-describedby="ask-message-hint"></textarea>
      </div>
      <button type="submit">{t('exchange.send_request')}</button>
    </form>
  );
}
