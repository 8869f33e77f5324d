import type { Child } from 'hono/jsx';
import type { SubscriberCounts } from '../../domain/subscribers/subscriber-admin.service.js';
import type { ConsentEvent, Subscriber, Subscription } from '../../domain/subscribers/subscribers.js';
import { languageName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import {
  areaLabel, displayPhone, eventDetail, formatDateTime, subscriptionLabel, topicLabel, type PlaceNames,
} from './admin-subscribers-labels.js';
import { formatDate, formatNumber } from './labels.js';
import { ScrollTable } from './scroll-table.js';

/** What the subscriber views share: translator, locale and the names of the places shown. */
export type ViewEnv = { t: Translate; locale: string; names: PlaceNames };

/**
 * A phone number, always laid out left to right: inside an Arabic page "+227 90 12 34 56" would
 * otherwise be reordered. `dir` also isolates it from the text around it.
 */
export function Phone(props: { e164: string }) {
  return <span dir="ltr">{displayPhone(props.e164)}</span>;
}

/** A masked number as shown after it is forgotten ('+227 •••• 3456'), laid out like a full one. */
export function Masked(props: { text: string }) {
  return <span dir="ltr">{props.text}</span>;
}

/**
 * A message whose placeholders hold markup (a number marked left-to-right, a <time>): it is formatted
 * with markers in their place, then cut at the markers, so translations keep their own word order.
 */
export function Msg(props: { t: Translate; k: string; values?: Record<string, string | number>; slots: Record<string, Child> }) {
  const names = Object.keys(props.slots);
  const markers = Object.fromEntries(names.map((n, i) => [n, `\u0001${i}\u0001`]));
  const parts = props.t(props.k, { ...props.values, ...markers }).split(/\u0001(\d+)\u0001/);
  return <>{parts.map((p, i) => (i % 2 === 1 ? props.slots[names[Number(p)]!] : p))}</>;
}

export function When(props: { at: Date; locale: string; withTime?: boolean }) {
  return <time datetime={props.at.toISOString()}>{props.withTime ? formatDateTime(props.at, props.locale) : formatDate(props.at, props.locale)}</time>;
}

export function StatusText(props: { env: ViewEnv; s: Subscriber }) {
  const { t, locale } = props.env;
  if (props.s.status === 'active' || !props.s.optedOutAt) return <>{t('subscribers.status_active')}</>;
  return <Msg t={t} k="subscribers.status_opted_out" slots={{ date: <When at={props.s.optedOutAt} locale={locale} /> }} />;
}

export function Counts(props: { env: ViewEnv; counts: SubscriberCounts }) {
  const { t, locale } = props.env;
  const { counts } = props;
  return (
    <>
      <ul class="tags">
        <li>{t('subscribers.count_active', { count: counts.active })}</li>
        <li>{t('subscribers.count_opted_out', { count: counts.optedOut })}</li>
      </ul>
      {counts.byLanguage.length > 0 && (
        <ScrollTable label={t('subscribers.by_language')}>
          <table>
            <caption>{t('subscribers.by_language')}</caption>
            <thead><tr><th scope="col">{t('subscribers.language')}</th><th scope="col">{t('subscribers.active')}</th><th scope="col">{t('subscribers.opted_out')}</th></tr></thead>
            <tbody>
              {counts.byLanguage.map((l) => (
                <tr><th scope="row">{languageName(l.language, locale)}</th><td>{formatNumber(l.active, locale)}</td><td>{formatNumber(l.optedOut, locale)}</td></tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

export type SubscriberRow = Subscriber & { subscriptions: Subscription[]; isBlocked: boolean };

/** The subscribers of one page (or one search), each linking to everything held about them. */
export function SubscriberTable(props: { env: ViewEnv; rows: SubscriberRow[]; label: string }) {
  const { t, locale, names } = props.env;
  return (
    <ScrollTable label={props.label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('subscribers.number')}</th><th scope="col">{t('subscribers.language')}</th><th scope="col">{t('subscribers.status')}</th>
            <th scope="col">{t('subscribers.topics_areas')}</th><th scope="col">{t('subscribers.created')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((s) => (
            <tr>
              <td><a href={`/admin/subscribers/${s.id}`}><Phone e164={s.phone} /></a>{s.isBlocked && <> <span class="status">{t('subscribers.status_blocked')}</span></>}</td>
              <td>{languageName(s.language, locale)}</td>
              <td><StatusText env={props.env} s={s} /></td>
              <td>
                {s.subscriptions.length === 0 ? t('subscribers.no_subscriptions') : (
                  <ul class="tags">{s.subscriptions.map((sub) => <li>{subscriptionLabel(t, locale, names, sub)}</li>)}</ul>
                )}
              </td>
              <td><When at={s.createdAt} locale={locale} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function SubscriptionTable(props: { env: ViewEnv; subscriptions: Subscription[] }) {
  const { t, locale, names } = props.env;
  if (props.subscriptions.length === 0) return <p>{t('subscribers.no_subscriptions')}</p>;
  return (
    <ScrollTable label={t('subscribers.subscriptions')}>
      <table>
        <thead><tr><th scope="col">{t('subscribers.topic')}</th><th scope="col">{t('subscribers.area')}</th><th scope="col">{t('subscribers.since')}</th></tr></thead>
        <tbody>
          {props.subscriptions.map((s) => (
            <tr><td>{topicLabel(t, s.topic)}</td><td>{areaLabel(t, locale, names, s.area)}</td><td><When at={s.createdAt} locale={locale} /></td></tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** The whole consent log, oldest first: when, through which channel, what, and to what exactly. */
export function ConsentLog(props: { env: ViewEnv; events: ConsentEvent[] }) {
  const { t, locale, names } = props.env;
  if (props.events.length === 0) return <p>{t('subscribers.no_events')}</p>;
  return (
    <ScrollTable label={t('subscribers.consent_log')}>
      <table>
        <thead>
          <tr><th scope="col">{t('subscribers.time')}</th><th scope="col">{t('subscribers.channel')}</th><th scope="col">{t('subscribers.action')}</th><th scope="col">{t('subscribers.detail')}</th></tr>
        </thead>
        <tbody>
          {props.events.map((e) => (
            <tr>
              <td><When at={e.at} locale={locale} withTime /></td>
              <td>{t(`subscribers.channel.${e.channel}`)}</td>
              <td>{t(`subscribers.action.${e.action}`)}</td>
              <td>{eventDetail(t, locale, names, e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
