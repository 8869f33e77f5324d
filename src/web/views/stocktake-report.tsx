import type { IatiError } from '../../domain/stocktake/iati.js';
import type { IatiImport } from '../../domain/stocktake/stocktake-import.service.js';
import type { Translate } from '../i18n/i18n.js';
import { formatDate, formatNumber } from './labels.js';

type Env = { t: Translate; locale: string };

/** An IATI problem in words, with where it is and the English detail for the publisher. */
export function IatiErrorItem(props: Env & { error: IatiError }) {
  const { t, locale, error: e } = props;
  return (
    <li>
      {e.path && <><code dir="ltr">{e.path}</code>{' '}</>}
      {e.line !== undefined && <>({t('alerts.import_at', { line: formatNumber(e.line, locale), column: formatNumber(e.column ?? 0, locale) })}){' '}</>}
      {t(`stocktake.iati_error.${e.code}`)}{' '}<span class="hint" lang="en" dir="ltr">({e.detail})</span>
    </li>
  );
}

/** A stored import report: counts, each activity written, each skipped one with its reasons, and what was not mapped. */
export function ImportReport(props: Env & { imported: IatiImport; base: string }) {
  const { t, locale, imported: i, base } = props;
  const { summary, activities } = i.report;
  return (
    <>
      <p>{t('stocktake.report_by', { organisation: i.organisationName, who: i.byName ?? t('history.someone'), when: formatDate(i.at, locale) })}</p>
      <p role="status">{t('stocktake.report_counts', { total: i.total, created: i.created, updated: i.updated, skipped: i.skipped })}</p>
      <section aria-labelledby="written">
        <h2 id="written">{t('stocktake.report_written')}</h2>
        {activities.length === 0 ? <p>{t('stocktake.report_nothing')}</p> : (
          <ul>
            {activities.map((a) => (
              <li><a href={`${base}/${a.id}`} dir="auto">{a.title}</a> <code dir="ltr">{a.identifier}</code> — {t(`stocktake.outcome.${a.outcome}`)}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="skipped">
        <h2 id="skipped">{t('stocktake.report_skipped')}</h2>
        {summary.skippedActivities.length === 0 ? <p>{t('stocktake.report_none_skipped')}</p> : (
          <ul>
            {summary.skippedActivities.map((s) => (
              <li>
                {t('stocktake.report_activity', { index: s.index, line: s.line })} {s.identifier && <code dir="ltr">{s.identifier}</code>}
                <ul>{s.errors.map((e) => <IatiErrorItem t={t} locale={locale} error={e} />)}</ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="not-mapped">
        <h2 id="not-mapped">{t('stocktake.report_not_mapped')}</h2>
        {summary.notMapped.length === 0 ? <p>{t('stocktake.report_all_mapped')}</p> : (
          <ul>
            {summary.notMapped.map((n) => (
              <li>
                {t(`stocktake.field.${n.field}`)}: <span lang="en" dir="ltr">{n.value}</span> — {t('stocktake.report_in_activities', { count: n.activities })}
                {' '}<span class="hint" lang="en" dir="ltr">({n.example})</span>
              </li>
            ))}
          </ul>
        )}
        <p>{t('stocktake.report_not_in_iati', { fields: summary.notInIati.map((f) => t(`stocktake.field.${f}`)).join(', ') })}</p>
      </section>
    </>
  );
}
