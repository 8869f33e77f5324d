import type { AlertProgress } from '../../domain/alerts/alerts.js';
import type { Translate } from '../i18n/i18n.js';
import { formatNumber } from './labels.js';
import { ScrollTable } from './scroll-table.js';

type Status = keyof AlertProgress['counts'];
/** Finished first, then under way, then what did not reach anyone: the bar reads from the start. */
const ORDER: Status[] = ['delivered', 'sent', 'sending', 'queued', 'uncertain', 'skipped', 'failed'];

// What the node itself writes as a reason; an operator's reasons ("receipt: UNDELIV (0x0B)") are shown as given.
const KNOWN_REASONS: Record<string, string> = {
  'opted out or blocked before sending': 'alerts.reason.opted_out',
  'interrupted while sending': 'alerts.reason.interrupted',
  unknown: 'alerts.reason.unknown',
};

/** A reason never shows a number: any long run of digits (a phone number in an operator's text) is masked. */
const masked = (reason: string) => reason.replace(/\+?\d[\d\s().-]{5,}\d/g, '•••');

function Bar(props: { progress: AlertProgress; isRtl: boolean }) {
  const { counts, total } = props.progress;
  let x = 0;
  const rects = ORDER.filter((s) => counts[s] > 0).map((s) => {
    const width = (counts[s] / total) * 1000;
    const rect = <rect class={`pb-${s}`} x={x.toFixed(1)} y="0" width={width.toFixed(1)} height="24" />;
    x += width;
    return rect;
  });
  // Numbers are in the table beside it; the bar is a picture of them, hidden from screen readers.
  return (
    <svg class="progress-bar" viewBox="0 0 1000 24" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="pb-empty" x="0" y="0" width="1000" height="24" />
      <g transform={props.isRtl ? 'matrix(-1 0 0 1 1000 0)' : undefined}>{rects}</g>
    </svg>
  );
}

function Swatch(props: { status: Status }) {
  return <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false"><rect class={`pb-${props.status}`} width="10" height="10" /></svg>;
}

/** How far an alert's messages got: dispatch state, counts per status as a table and a bar, failure reasons. */
export function ProgressView(props: { t: Translate; locale: string; progress: AlertProgress; isRtl: boolean }) {
  const { t, locale, progress } = props;
  const percent = (n: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(progress.total ? n / progress.total : 0);
  const reached = progress.counts.delivered + progress.counts.sent;
  return (
    <>
      <p><strong>{t(`alerts.dispatch.${progress.dispatch}`)}</strong></p>
      <p>{t('alerts.progress_summary', { total: progress.total, reached })}</p>
      {progress.total > 0 && <Bar progress={progress} isRtl={props.isRtl} />}
      <ScrollTable label={t('alerts.progress_counts')}>
        <table>
          <caption>{t('alerts.progress_counts')}</caption>
          <thead><tr><th scope="col">{t('alerts.progress_status')}</th><th scope="col">{t('alerts.progress_messages')}</th><th scope="col">{t('alerts.progress_share')}</th></tr></thead>
          <tbody>
            {ORDER.map((s) => (
              <tr>
                <th scope="row"><Swatch status={s} /> {t(`alerts.outbox.${s}`)}</th>
                <td>{formatNumber(progress.counts[s], locale)}</td>
                <td>{percent(progress.counts[s])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot><tr><th scope="row">{t('alerts.progress_total')}</th><td>{formatNumber(progress.total, locale)}</td><td /></tr></tfoot>
        </table>
      </ScrollTable>
      <h2>{t('alerts.failures')}</h2>
      {progress.failures.length === 0 ? <p>{t('alerts.no_failures')}</p> : (
        <ScrollTable label={t('alerts.failures')}>
          <table>
            <thead><tr><th scope="col">{t('alerts.failure_reason')}</th><th scope="col">{t('alerts.progress_messages')}</th></tr></thead>
            <tbody>
              {progress.failures.map((f) => {
                const key = KNOWN_REASONS[f.reason];
                return <tr><td>{key ? t(key) : <span lang="en" dir="ltr">{masked(f.reason)}</span>}</td><td>{formatNumber(f.count, locale)}</td></tr>;
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
