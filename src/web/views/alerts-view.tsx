import type { Alert } from '../../domain/alerts/alerts.js';
import { segmentsOf } from '../../domain/sms/segments.js';
import { isRtl, languageName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import type { PlaceNames } from './admin-subscribers-labels.js';
import { Msg } from './admin-subscribers-view.js';
import { areaWords, capWords, formatUtc } from './alerts-labels.js';
import { pickText } from './content.js';
import { ScrollTable } from './scroll-table.js';

/** What alert views share: translator, locale and the names of the places shown. */
export type AlertViewEnv = { t: Translate; locale: string; names: PlaceNames };

const dirOf = (lang: string) => (isRtl(lang) ? 'rtl' : 'ltr');

export function Window(props: { env: AlertViewEnv; a: Alert }) {
  const { t, locale } = props.env;
  const from = <time datetime={props.a.effectiveAt.toISOString()}>{formatUtc(props.a.effectiveAt, locale)}</time>;
  const to = <time datetime={props.a.expiresAt.toISOString()}>{formatUtc(props.a.expiresAt, locale)}</time>;
  return <Msg t={t} k="alerts.window" slots={{ from, to }} />;
}

/** The headline in the reader's language if there is one, marked with its own language and direction. */
export function Headline(props: { env: AlertViewEnv; a: Alert }) {
  const { lang, text } = pickText(props.a.texts, props.env.locale, props.a.originalLanguage);
  return <span lang={lang} dir={dirOf(lang)}>{text.headline}</span>;
}

/** Alerts in force: category, CAP words, area and window, newest first. */
export function ActiveAlerts(props: { env: AlertViewEnv; alerts: Alert[] }) {
  const { t } = props.env;
  if (props.alerts.length === 0) return <p>{t('alerts.none_active')}</p>;
  return (
    <ul class="cards">
      {props.alerts.map((a) => (
        <li>
          <h3><a href={`/alerts/${a.id}`}><Headline env={props.env} a={a} /></a></h3>
          <p class="meta">
            <span class="status">{t(`alerts.category.${a.category}`)}</span>{a.msgType === 'Update' && <> <span class="status">{t('alerts.msg_type.Update')}</span></>}
            {' '}{capWords(t, a)}
          </p>
          <p>{t('alerts.area_is', { area: areaWords(t, props.env.locale, props.env.names, a) })}</p>
          <p><Window env={props.env} a={a} /></p>
        </li>
      ))}
    </ul>
  );
}

/** Every alert, for alert authorities: its status, kind and window. */
export function AlertTable(props: { env: AlertViewEnv; alerts: Alert[] }) {
  const { t, locale } = props.env;
  return (
    <ScrollTable label={t('alerts.all')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('alerts.headline')}</th><th scope="col">{t('alerts.status_label')}</th><th scope="col">{t('alerts.msg_type_label')}</th>
            <th scope="col">{t('alerts.category_label')}</th><th scope="col">{t('alerts.created')}</th>
          </tr>
        </thead>
        <tbody>
          {props.alerts.map((a) => (
            <tr>
              <td><a href={`/alerts/${a.id}`}><Headline env={props.env} a={a} /></a></td>
              <td><span class="status">{t(`alerts.status.${a.status}`)}</span></td>
              <td>{t(`alerts.msg_type.${a.msgType}`)}</td>
              <td>{t(`alerts.category.${a.category}`)}</td>
              <td><time datetime={a.createdAt.toISOString()}>{formatUtc(a.createdAt, locale)}</time></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** Everything about one alert but its texts. `byMe`: the reader wrote it. */
export function AlertFacts(props: { env: AlertViewEnv; a: Alert; byMe: boolean }) {
  const { t, locale, names } = props.env;
  const { a } = props;
  return (
    <dl class="facts">
      <dt>{t('alerts.status_label')}</dt><dd><span class="status">{t(`alerts.status.${a.status}`)}</span></dd>
      <dt>{t('alerts.msg_type_label')}</dt>
      <dd>{t(`alerts.msg_type.${a.msgType}`)}{a.references && <> · <a href={`/alerts/${a.references}`}>{t('alerts.previous')}</a></>}</dd>
      <dt>{t('alerts.category_label')}</dt><dd>{t(`alerts.category.${a.category}`)}</dd>
      <dt>{t('alerts.severity_label')}</dt><dd>{t(`alerts.severity.${a.severity}`)}</dd>
      <dt>{t('alerts.urgency_label')}</dt><dd>{t(`alerts.urgency.${a.urgency}`)}</dd>
      <dt>{t('alerts.certainty_label')}</dt><dd>{t(`alerts.certainty.${a.certainty}`)}</dd>
      <dt>{t('alerts.area')}</dt><dd>{areaWords(t, locale, names, a)}</dd>
      <dt>{t('alerts.validity')}</dt><dd><Window env={props.env} a={a} /></dd>
      <dt>{t('alerts.original_language')}</dt><dd>{languageName(a.originalLanguage, locale)}</dd>
      <dt>{t('alerts.source_label')}</dt><dd>{t(`alerts.source.${a.source}`)}{props.byMe && ` · ${t('alerts.written_by_you')}`}</dd>
      <dt>{t('alerts.created')}</dt><dd><time datetime={a.createdAt.toISOString()}>{formatUtc(a.createdAt, locale)}</time> {t('alerts.utc')}</dd>
      {a.decidedAt && (
        <>
          <dt>{t('alerts.decided')}</dt>
          <dd><time datetime={a.decidedAt.toISOString()}>{formatUtc(a.decidedAt, locale)}</time> {t('alerts.utc')}{a.decisionNote && <> · <q>{a.decisionNote}</q></>}</dd>
        </>
      )}
      <dt>{t('alerts.identifier')}</dt><dd dir="ltr">{a.identifier}</dd>
    </dl>
  );
}

/** Each language's texts, the original first, with the SMS text's segments. */
export function AlertTexts(props: { env: AlertViewEnv; a: Alert }) {
  const { t, locale } = props.env;
  const langs = [props.a.originalLanguage, ...Object.keys(props.a.texts).filter((l) => l !== props.a.originalLanguage)].filter((l) => props.a.texts[l]);
  return (
    <>
      {langs.map((lang) => {
        const text = props.a.texts[lang]!;
        const m = segmentsOf(text.sms);
        return (
          <section aria-labelledby={`text-${lang}`}>
            <h3 id={`text-${lang}`}>{languageName(lang, locale)}{lang === props.a.originalLanguage && ` (${t('alerts.original')})`}</h3>
            <div lang={lang} dir={dirOf(lang)}>
              <p><strong>{text.headline}</strong></p>
              <p>{text.description}</p>
              {text.instruction && <p>{text.instruction}</p>}
            </div>
            <p>{t('alerts.sms')}</p>
            <blockquote lang={lang} dir={dirOf(lang)}>{text.sms}</blockquote>
            <p class="hint">{t(`alerts.encoding.${m.encoding}`)} · {t('alerts.sms_segments', { count: m.segments })}</p>
          </section>
        );
      })}
    </>
  );
}
