import type { AnalysisView } from '../../domain/consultation/analysis.service.js';
import type { Translate } from '../i18n/i18n.js';
import { OpinionMap } from './opinion-map.js';
import { percent } from './report-labels.js';
import { CommonGround, Consensus, Divergences, GroupStatements, LanguageDifferences, type StatementTexts } from './report-sections.js';
import { SectorTable } from './report-tables.js';

type Props = { t: Translate; locale: string; view: AnalysisView; title: { text: string; lang: string; dir: string }; texts: StatementTexts };

const when = (d: Date, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);

/** Where the numbers come from and how fresh they are, and the files behind them. */
function Provenance({ t, locale, view }: Props) {
  const id = view.consultation.id;
  const a = view.analysis;
  return (
    <>
      {a && <p class="meta">{t('report.computed', { when: when(a.computedAt, locale), votes: a.voteCount })}</p>}
      {a && view.votesSince > 0 && <p class="notice" role="status">{t('report.updating', { n: view.votesSince })}</p>}
      <p class="no-print">
        {t('report.downloads')}: <a href={`/consultations/${id}/export/comments.csv`}>comments.csv</a>{' · '}
        <a href={`/consultations/${id}/export/participants-votes.csv`}>participants-votes.csv</a>{' · '}
        <a href={`/consultations/${id}/export/votes.csv`}>votes.csv</a>{' · '}
        <a href={`/consultations/${id}/export/analysis.json`}>analysis.json</a>
      </p>
    </>
  );
}

/** The report of a consultation: opinion map, common ground and divergences across sectors, groups, consensus, tables. */
export function ReportView(props: Props) {
  const { t, locale, view, title, texts } = props;
  const result = view.analysis?.result;
  const sections = result && { t, locale, result, texts };
  return (
    <article class="report">
      <h1>{t('report.title')}: <span lang={title.lang} dir={title.dir}>{title.text}</span></h1>
      <p><a href={`/consultations/${view.consultation.id}`}>{t('report.back')}</a> · <span class="status">{t(`report.status_${view.consultation.status}`)}</span></p>
      <Provenance {...props} />
      {!result || !sections ? <p class="notice" role="status">{t('report.preparing')}</p> : (
        <>
          {result.status === 'not_enough_votes' && (
            <p class="notice">{t('report.not_enough_votes', { clustered: result.counts.clustered, participants: result.counts.participants, votes: result.counts.votes })}</p>
          )}
          {result.status === 'ok' && (
            <section aria-labelledby="map">
              <h2 id="map">{t('report.map')}</h2>
              <OpinionMap t={t} result={result} />
              {result.stability && <p>{t('report.stability', { score: result.stability.meanAdjustedRand.toFixed(2), runs: result.stability.runs, drop: percent(result.stability.dropShare, locale) })}</p>}
            </section>
          )}
          <CommonGround {...sections} />
          <Divergences {...sections} />
          {result.status === 'ok' && <GroupStatements {...sections} />}
          {result.status === 'ok' && <Consensus {...sections} />}
          <SectorTable {...sections} />
          <LanguageDifferences {...sections} />
        </>
      )}
    </article>
  );
}
