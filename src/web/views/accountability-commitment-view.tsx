import type { CommitmentChange, CommitmentView, ItemView } from '../../domain/accountability/accountability.js';
import { changedFieldsOf } from '../../domain/accountability/commitment-changes.js';
import { isRtl } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { commitmentTitle, formatPercent, itemLabel, valueOf } from './accountability-view.js';
import { ProgressBars } from './charts/progress-bars.js';
import { formatDate, formatDay, formatNumber } from './labels.js';

type Env = { t: Translate; locale: string };
type Item = Pick<ItemView, 'id' | 'code' | 'texts' | 'documentLanguage'>;

/** Who committed, with whom, to what, by when, for which items, and how far it has gone (in words and as a bar). */
export function CommitmentFacts(props: Env & { c: CommitmentView; items: Item[] }) {
  const { t, locale, c } = props;
  const title = commitmentTitle(c, locale);
  const served = c.links.flatMap((l) => {
    const item = props.items.find((i) => i.id === l.itemId);
    return item ? [{ ...itemLabel(item, locale), weight: l.weight }] : [];
  });
  return (
    <>
      <dl class="facts">
        <dt>{t('accountability.organisation')}</dt><dd>{c.organisation.name} ({t(`sector.${c.organisation.sector}`)})</dd>
        <dt>{t('accountability.partners')}</dt><dd>{c.partners.length ? c.partners.join(', ') : t('accountability.none')}</dd>
        <dt>{t('accountability.indicator')}</dt><dd lang={title.lang} dir={title.dir}>{title.text.indicator}</dd>
        <dt>{t('accountability.baseline')}</dt><dd>{valueOf(c.baseline, c.unit, locale)}</dd>
        <dt>{t('accountability.target')}</dt><dd>{valueOf(c.target, c.unit, locale)}</dd>
        <dt>{t('accountability.deadline')}</dt><dd>{formatDay(c.deadline, locale)}</dd>
        <dt>{t('accountability.items')}</dt>
        <dd><ul>{served.map((i) => <li><bdi lang={i.lang} dir={i.dir}>{i.label}</bdi> ({t('accountability.weight_of', { weight: formatNumber(i.weight, locale) })})</li>)}</ul></dd>
      </dl>
      {c.status === 'active' && (
        <ProgressBars title={t('accountability.progress')} isRtl={isRtl(locale)} formatPercent={(r) => formatPercent(r, locale)}
          labels={{ overdue: t('accountability.overdue'), noProgress: t('accountability.no_updates') }}
          items={[{ label: title.text.title, lang: title.lang, progress: c.progress, isOverdue: c.isOverdue }]} />
      )}
    </>
  );
}

/** A stored value as readable text, in the page's locale; titles and indicators keep their language. */
function Value(props: Env & { field: string; value: unknown; c: CommitmentView; items: Item[] }) {
  const { t, locale, value } = props;
  if (value === undefined || value === null || value === '') return <>—</>;
  switch (props.field) {
    case 'title':
    case 'indicator':
      return <span lang={props.c.originalLanguage} dir={isRtl(props.c.originalLanguage) ? 'rtl' : 'ltr'}>{String(value)}</span>;
    case 'partners':
      return <>{Array.isArray(value) && value.length ? value.join(', ') : t('accountability.none')}</>;
    case 'baseline':
    case 'target':
      return <>{typeof value === 'number' ? formatNumber(value, locale) : String(value)}</>;
    case 'deadline':
      return <>{formatDay(String(value), locale)}</>;
    case 'status':
      return <>{t(`accountability.status_${String(value)}`)}</>;
    case 'items': {
      const links = Array.isArray(value) ? (value as { itemId: string; weight: number }[]) : [];
      return <>{links.map((l) => `${props.items.find((i) => i.id === l.itemId)?.code ?? '?'} (${formatNumber(l.weight, locale)})`).join(', ')}</>;
    }
    default:
      return <>{typeof value === 'string' ? value : JSON.stringify(value)}</>;
  }
}

function authorOf(t: Translate, ch: CommitmentChange) {
  if (!ch.by) return t('accountability.change_by_unknown');
  return ch.by.kind === 'admin' ? t('accountability.change_by_admin') : ch.by.name;
}

/** Every revision and the withdrawal, oldest first: when, by whom (their organisation), why, and each field before → after. */
export function ChangeHistory(props: Env & { c: CommitmentView; items: Item[] }) {
  const { t, locale, c } = props;
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('accountability.history')}</h2>
      <p>{t('accountability.recorded_on', { date: formatDate(c.createdAt, locale) })}</p>
      {c.changes.length === 0 ? <p>{t('accountability.no_changes')}</p> : (
        <ol class="changes">
          {c.changes.map((ch) => (
            <li>
              <p><strong>{t(`accountability.change_kind_${ch.kind}`, { date: formatDate(ch.at, locale), who: authorOf(t, ch) })}</strong>.{' '}
                {t('accountability.change_reason')} <span dir="auto">{ch.reason}</span></p>
              <dl class="facts">
                {changedFieldsOf(ch).map((field) => (
                  <>
                    <dt>{t(`accountability.field_${field}`)}</dt>
                    <dd><del><Value t={t} locale={locale} field={field} value={ch.before[field]} c={c} items={props.items} /></del> <span class="arrow">→</span> <ins><Value t={t} locale={locale} field={field} value={ch.after[field]} c={c} items={props.items} /></ins></dd>
                  </>
                ))}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
