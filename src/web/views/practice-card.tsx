import type { Practice } from '../../domain/practices/practices.js';
import { countryName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { pickText } from './content.js';
import { formatDate } from './labels.js';

/** One practice in a list: title, summary, where, when, and its themes. `level` keeps the page's heading outline unbroken. */
export function PracticeCard(props: { p: Practice; t: Translate; locale: string; showStatus?: boolean; level: 2 | 3 }) {
  const { p, t, locale } = props;
  const Heading = props.level === 2 ? 'h2' : 'h3';
  const shown = pickText(p.texts, locale, p.originalLanguage);
  return (
    <li>
      <Heading lang={shown.lang} dir={shown.dir}><a href={`/practices/${p.id}`}>{shown.text.title}</a></Heading>
      <p lang={shown.lang} dir={shown.dir}>{shown.text.summary}</p>
      <p class="meta">
        {p.countries.map((c) => countryName(c, locale)).join(', ')}
        {p.publishedAt && <> · <time datetime={p.publishedAt.toISOString()}>{formatDate(p.publishedAt, locale)}</time></>}
        {props.showStatus && <> · <span class="status">{t(`status.${p.status}`)}</span></>}
      </p>
      <ul class="tags" aria-label={t('practice.themes')}>
        {p.themes.map((th) => <li>{t(`theme.${th}`)}</li>)}
      </ul>
    </li>
  );
}

export function Pager(props: { t: Translate; page: number; perPage: number; total: number; href: (page: number) => string }) {
  const { t, page, perPage, total } = props;
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('pager.label')}>
      {page > 1 ? <a href={props.href(page - 1)} rel="prev">{t('pager.previous')}</a> : <span />}
      <span>{t('pager.position', { page, pages })}</span>
      {page < pages ? <a href={props.href(page + 1)} rel="next">{t('pager.next')}</a> : <span />}
    </nav>
  );
}
