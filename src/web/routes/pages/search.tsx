import { Hono } from 'hono';
import { QUERY_MAX, type SearchFacet, type SearchHit, type SearchResult } from '../../../domain/search/search.js';
import { searchPractices } from '../../../domain/search/search.service.js';
import { countryName, isRtl, languageName } from '../../../domain/taxonomy/index.js';
import { conceptLabel } from '../../../domain/vocabulary/vocabulary.js';
import type { WebEnv } from '../../env.js';
import type { Translate } from '../../i18n/i18n.js';
import { Pager } from '../../views/practice-card.js';
import { render } from './page.js';

type Labeller = (value: string) => string;

/** The filters in form order: query parameter, facet in the result, label key, how to name a value. */
function facetFields(t: Translate, locale: string): { name: SearchFacet; label: string; of: Labeller }[] {
  return [
    { name: 'theme', label: t('practice.theme'), of: (v) => t(`theme.${v}`) },
    { name: 'targetGroup', label: t('search.facet_target_group'), of: (v) => t(`target_group.${v}`) },
    { name: 'technology', label: t('practice.technology'), of: (v) => t(`technology.${v}`) },
    { name: 'sdg', label: t('search.facet_sdg'), of: (v) => `${v}. ${t(`sdg.${v}`)}` },
    { name: 'wsis', label: t('search.facet_wsis'), of: (v) => `${v} ${t(`wsis.${v}`)}` },
    { name: 'region', label: t('search.facet_region'), of: (v) => t(`region.${v}`) },
    { name: 'country', label: t('practice.country'), of: (v) => countryName(v, locale) },
    { name: 'language', label: t('practice.language'), of: (v) => languageName(v, locale) },
    { name: 'costBand', label: t('practice.cost_band'), of: (v) => t(`cost_band.${v}`) },
  ];
}

/** A filter offers only the values present in the results, with their counts; none at all, no filter. */
function FacetSelect(props: { name: string; label: string; value?: string; t: Translate; counts: { value: string; count: number }[]; of: Labeller }) {
  const { t, counts, value } = props;
  if (counts.length === 0 && !value) return null;
  const options = value && !counts.some((c) => c.value === value) ? [{ value, count: 0 }, ...counts] : counts;
  return (
    <div>
      <label for={`search-${props.name}`}>{props.label}</label>
      <select id={`search-${props.name}`} name={props.name}>
        <option value="">{t('filters.any')}</option>
        {options.map((o) => <option value={o.value} selected={o.value === value}>{t('search.option_count', { label: props.of(o.value), count: o.count })}</option>)}
      </select>
    </div>
  );
}

function Hit(props: { hit: SearchHit; t: Translate; locale: string }) {
  const { hit, t, locale } = props;
  const dir = isRtl(hit.lang) ? 'rtl' : 'ltr';
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const reasons = [...new Set(hit.reasons.map((r) => conceptLabel(r.facet, r.value, locale)))];
  return (
    <li>
      <h2 lang={hit.lang} dir={dir}><a href={`/practices/${hit.practice.id}?lang=${encodeURIComponent(hit.lang)}`} dangerouslySetInnerHTML={{ __html: hit.title }} /></h2>
      {hit.snippet && <p lang={hit.lang} dir={dir} dangerouslySetInnerHTML={{ __html: hit.snippet }} />}
      <p class="meta">
        {t('search.in_language', { language: languageName(hit.lang, locale) })}
        {hit.practice.countries.length > 0 && <> · {hit.practice.countries.map((c) => countryName(c, locale)).join(', ')}</>}
      </p>
      {reasons.length > 0 && <p class="meta">{t('search.why', { concepts: list.format(reasons) })}</p>}
    </li>
  );
}

function statusLine(t: Translate, r: SearchResult): string {
  if (!r.q) return t('search.empty_query');
  if (r.total === 0) return t('search.no_results', { q: r.q.length > 80 ? `${r.q.slice(0, 80)}…` : r.q });
  return t('search.count', { count: r.total });
}

/** Search over every language: a plain GET form, so results can be bookmarked and work without JavaScript. */
export const searchRoutes = new Hono<WebEnv>().get('/search', async (c) => {
  const t = c.get('t');
  const locale = c.get('locale');
  const query = c.req.query();
  const result = await searchPractices(c.get('ctx'), c.get('actor'), query, locale);
  const fields = facetFields(t, locale);
  const params = Object.fromEntries(
    [['q', result.q], ...fields.map((f) => [f.name, query[f.name] ?? '']), ['perPage', query.perPage ?? '']].filter(([, v]) => v !== ''),
  );
  const href = (page: number) => `/search?${new URLSearchParams({ ...params, page: String(page) })}`;
  return render(
    c,
    result.q ? t('search.title_with_query', { q: result.q.slice(0, 60) }) : t('search.title'),
    <>
      <h1>{t('search.title')}</h1>
      <form class="filters" method="get" action="/search" role="search">
        <div>
          <label for="search-q">{t('search.label')}</label>
          <input id="search-q" type="search" name="q" value={result.q} maxlength={QUERY_MAX} />
        </div>
        {fields.map((f) => (
          <FacetSelect name={f.name} label={f.label} value={result.ignored.includes(f.name) ? undefined : query[f.name]} t={t} counts={result.facets[f.name]} of={f.of} />
        ))}
        <button type="submit">{t('search.submit')}</button>
      </form>
      {result.ignored.length > 0 && <p class="notice">{t('search.ignored')}</p>}
      <p role="status">{statusLine(t, result)}</p>
      {result.q && <p><a href={`/hubs?${new URLSearchParams({ q: result.q.slice(0, 100) })}`}>{t('search.hubs_link')}</a></p>}
      {result.items.length === 0 && result.total > 0 && <p><a href={href(1)}>{t('search.back_to_first')}</a></p>}
      <ul class="cards">{result.items.map((hit) => <Hit hit={hit} t={t} locale={locale} />)}</ul>
      <Pager t={t} page={result.page} perPage={result.perPage} total={result.total} href={href} />
    </>,
  );
});
