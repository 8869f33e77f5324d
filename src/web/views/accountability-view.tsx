import type { Accountability, CommitmentView, EvidenceDocument, ItemView } from '../../domain/accountability/accountability.js';
import { DOCUMENT_LABELS } from '../../domain/accountability/document.js';
import { isRtl } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { ProgressBars } from './charts/progress-bars.js';
import { ProgressOverTime } from './charts/progress-over-time.js';
import { pickText } from './content.js';
import { formatDate, formatDay, formatNumber, formatSize } from './labels.js';

type Env = { t: Translate; locale: string };

export const formatPercent = (ratio: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);

export function itemLabel(i: Pick<ItemView, 'code' | 'texts' | 'documentLanguage'>, locale: string) {
  const title = pickText(i.texts, locale, i.documentLanguage);
  // The direction too: a label starts with its code ("EW-1 …"), so <bdi> alone would read it left to right.
  return { label: `${i.code} ${title.text.title}`, lang: title.lang, dir: title.dir };
}

export function commitmentTitle(c: Pick<CommitmentView, 'texts' | 'originalLanguage'>, locale: string) {
  return pickText(c.texts, locale, c.originalLanguage);
}

export const commitmentHref = (c: Pick<CommitmentView, 'id' | 'processId'>) => `/processes/${c.processId}/accountability/commitments/${c.id}`;
const isActive = (c: Pick<CommitmentView, 'status'>) => c.status === 'active';

/** Progress bars of the plan's items and of the commitments, with the plan's own figure in words. */
export function ProgressSummary(props: Env & { a: Accountability }) {
  const { t, locale, a } = props;
  const percent = (r: number) => formatPercent(r, locale);
  const labels = { overdue: t('accountability.overdue'), noProgress: t('accountability.no_commitment') };
  return (
    <section aria-labelledby="progress">
      <h2 id="progress">{t('accountability.progress')}</h2>
      <p>{a.plan.progress === null ? t('accountability.plan_unmeasured') : t('accountability.plan_progress', { percent: percent(a.plan.progress), count: a.plan.counted })}
        {a.plan.unmeasured > 0 && ` ${t('accountability.items_unmeasured', { count: a.plan.unmeasured })}`}</p>
      {a.items.length === 0 ? <p>{t('accountability.no_items')}</p> : (
        <ProgressBars title={t('accountability.by_item')} isRtl={isRtl(locale)} formatPercent={percent} labels={labels}
          items={a.items.map((i) => ({ ...itemLabel(i, locale), progress: i.progress, isOverdue: i.isOverdue }))} />
      )}
      {a.commitments.some(isActive) && (
        <ProgressBars title={t('accountability.by_commitment')} isRtl={isRtl(locale)} formatPercent={percent} labels={labels}
          items={a.commitments.filter(isActive).map((c) => { const title = commitmentTitle(c, locale); return { label: title.text.title, lang: title.lang, progress: c.progress, isOverdue: c.isOverdue, href: `#c-${c.id}` }; })} />
      )}
    </section>
  );
}

export function OverdueList(props: Env & { commitments: CommitmentView[] }) {
  const { t, locale } = props;
  const late = props.commitments.filter((c) => c.isOverdue);
  return (
    <section aria-labelledby="overdue">
      <h2 id="overdue">{t('accountability.overdue_title')}</h2>
      {late.length === 0 ? <p>{t('accountability.none_overdue')}</p> : (
        <ul>{late.map((c) => { const title = commitmentTitle(c, locale); return (
          <li><a href={`#c-${c.id}`} lang={title.lang} dir={title.dir}>{title.text.title}</a> — {c.organisation.name}: {t('accountability.deadline_was', { date: formatDay(c.deadline, locale), percent: formatPercent(c.progress, locale) })}</li>
        ); })}</ul>
      )}
    </section>
  );
}

/** Where an update's document is downloaded (public, like the update). */
export const progressDocumentHref = (processId: string, updateId: string) => `/processes/${processId}/accountability/updates/${updateId}/document`;

/** A document given as evidence: a link "name (PDF, 120 kB)" and its SHA-256, so anyone can check a copy. */
function DocumentEvidence(props: Env & { href: string; d: EvidenceDocument }) {
  const { t, locale, d } = props;
  return (
    <>
      {t('accountability.evidence_document')}{' '}
      <a href={props.href}><bdi>{d.name}</bdi> {t('accountability.document_facts', { type: DOCUMENT_LABELS[d.type], size: formatSize(d.size, locale) })}</a>
      <details class="checksum"><summary>{t('accountability.document_check')}</summary><p>{t('accountability.document_check_hint')} <code>{d.sha256}</code></p></details>
    </>
  );
}

/** Every update, newest first, with its evidence. */
export function Updates(props: Env & { c: CommitmentView }) {
  const { t, locale, c } = props;
  if (c.updates.length === 0) return <p>{t('accountability.no_updates')}</p>;
  return (
    <ul class="updates">
      {[...c.updates].reverse().map((u) => (
        <li>
          <strong>{formatDay(u.reportedOn, locale)}</strong>: {formatNumber(u.value, locale)} {c.unit}
          {u.source === 'csv' && <> ({t('accountability.from_csv')})</>}
          {u.note && <> — <span dir="auto">{u.note}</span></>}
          {u.evidenceUrl && <> — <a href={u.evidenceUrl} rel="nofollow noopener noreferrer">{t('accountability.evidence_link')}</a></>}
          {u.evidencePractice && <> — {t('accountability.evidence_practice')} <a href={`/practices/${u.evidencePractice.id}`} lang={u.evidencePractice.lang} dir={isRtl(u.evidencePractice.lang) ? 'rtl' : 'ltr'}>{u.evidencePractice.title}</a></>}
          {u.document && <> — <DocumentEvidence t={t} locale={locale} href={progressDocumentHref(c.processId, u.id)} d={u.document} /></>}
        </li>
      ))}
    </ul>
  );
}

/** A value with its unit, in the page's locale. */
export const valueOf = (v: number, unit: string, locale: string) => `${formatNumber(v, locale)}${unit ? ` ${unit}` : ''}`;

/** The indicator from baseline to target by the deadline, with the progress in words (and "overdue"). */
export function IndicatorLine(props: Env & { c: CommitmentView }) {
  const { t, locale, c } = props;
  const title = commitmentTitle(c, locale);
  return (
    <p><span lang={title.lang} dir={title.dir}>{title.text.indicator}</span>: {t('accountability.from_to', { baseline: valueOf(c.baseline, c.unit, locale), target: valueOf(c.target, c.unit, locale), date: formatDay(c.deadline, locale) })}{' '}
      <strong>{formatPercent(c.progress, locale)}</strong>{c.isOverdue && <> <em>{t('accountability.overdue')}</em></>}</p>
  );
}

/** The commitment's reported values over time against baseline, target and deadline; nothing before the first update. */
export function CommitmentChart(props: Env & { c: CommitmentView }) {
  const { t, locale, c } = props;
  if (c.updates.length === 0) return null;
  const title = commitmentTitle(c, locale);
  const value = (v: number) => valueOf(v, c.unit, locale);
  const labels = {
    baseline: t('accountability.baseline'), target: t('accountability.target'), deadline: t('accountability.deadline'), date: t('accountability.date'),
    value: t('accountability.value'), noUpdates: t('accountability.no_updates'),
  };
  return (
    <ProgressOverTime id={`chart-${c.id.slice(0, 8)}`} title={title.text.indicator} isRtl={isRtl(locale)} labels={labels}
      description={t('accountability.chart_description', { baseline: value(c.baseline), target: value(c.target), latest: value(c.latest!), date: formatDay(c.updates.at(-1)!.reportedOn, locale) })}
      points={c.updates.map((u) => ({ date: u.reportedOn, value: u.value }))} baseline={c.baseline} target={c.target} deadline={c.deadline}
      formatDate={(d) => formatDay(d, locale)} formatValue={(v) => formatNumber(v, locale)} />
  );
}

/**
 * Each active commitment: who, the indicator from baseline to target, its chart over time, and its updates with
 * evidence; the title leads to its own page (details and history).
 */
export function CommitmentList(props: Env & { commitments: CommitmentView[]; items: ItemView[]; reportHref: (c: CommitmentView) => string | null }) {
  const { t, locale } = props;
  const active = props.commitments.filter(isActive);
  return (
    <section aria-labelledby="commitments">
      <h2 id="commitments">{t('accountability.commitments')}</h2>
      {active.length === 0 && <p>{t('accountability.no_commitments')}</p>}
      {active.map((c) => {
        const title = commitmentTitle(c, locale);
        const served = props.items.filter((i) => c.links.some((l) => l.itemId === i.id)).map((i) => i.code).join(', ');
        const href = props.reportHref(c);
        return (
          <article id={`c-${c.id}`} aria-labelledby={`c-${c.id}-h`}>
            <h3 id={`c-${c.id}-h`}><a href={commitmentHref(c)} lang={title.lang} dir={title.dir}>{title.text.title}</a></h3>
            <p>{c.organisation.name}{c.partners.length > 0 && <>, {t('accountability.with_partners', { partners: c.partners.join(', ') })}</>}. {t('accountability.serves', { items: served })}</p>
            <IndicatorLine t={t} locale={locale} c={c} />
            <CommitmentChart t={t} locale={locale} c={c} />
            <Updates t={t} locale={locale} c={c} />
            {href && <p><a href={href}>{t('accountability.report_progress')}</a></p>}
          </article>
        );
      })}
    </section>
  );
}

/** Withdrawn commitments, apart: out of the roll-up, still public, each with the day and the reason given. */
export function WithdrawnList(props: Env & { commitments: CommitmentView[] }) {
  const { t, locale } = props;
  const withdrawn = props.commitments.filter((c) => !isActive(c));
  if (withdrawn.length === 0) return null;
  return (
    <section aria-labelledby="withdrawn">
      <h2 id="withdrawn">{t('accountability.withdrawn_title')}</h2>
      <ul>
        {withdrawn.map((c) => {
          const title = commitmentTitle(c, locale);
          const change = [...c.changes].reverse().find((ch) => ch.kind === 'withdraw');
          return (
            <li id={`c-${c.id}`}>
              <a href={commitmentHref(c)} lang={title.lang} dir={title.dir}>{title.text.title}</a> — {c.organisation.name}
              {change && <>. {t('accountability.withdrawn_on', { date: formatDate(change.at, locale) })} <span dir="auto">{change.reason}</span></>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
