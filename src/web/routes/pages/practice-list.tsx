import { Hono } from 'hono';
import { canCreatePractice } from '../../../domain/accounts/permissions.js';
import { listPractices } from '../../../domain/practices/practices.service.js';
import type { WebEnv } from '../../env.js';
import { countryOptions, languageOptions, technologyOptions, themeOptions } from '../../views/labels.js';
import { Pager, PracticeCard } from '../../views/practice-card.js';
import { render } from './page.js';

function FilterSelect(props: { name: string; label: string; value?: string; any: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** The practice list with its filters; a plain GET form, so it works without JavaScript and can be bookmarked. */
export const practiceListRoutes = new Hono<WebEnv>().get('/practices', async (c) => {
  const t = c.get('t');
  const locale = c.get('locale');
  const query = c.req.query();
  const result = await listPractices(c.get('ctx'), c.get('actor'), query);
  const isMine = query.mine === '1';
  const href = (page: number) => `/practices?${new URLSearchParams({ ...query, page: String(page) })}`;
  const title = isMine ? t('practices.mine') : t('practices.title');
  return render(
    c,
    title,
    <>
      <h1>{title}</h1>
      <form class="filters" method="get" action="/practices" role="search">
        {isMine && <input type="hidden" name="mine" value="1" />}
        <div>
          <label for="filter-q">{t('filters.title_contains')}</label>
          <input id="filter-q" type="search" name="q" value={query.q ?? ''} maxlength={100} />
        </div>
        <FilterSelect name="theme" label={t('practice.theme')} value={query.theme} any={t('filters.any')} options={themeOptions(t)} />
        <FilterSelect name="country" label={t('practice.country')} value={query.country} any={t('filters.any')} options={countryOptions(locale)} />
        <FilterSelect name="language" label={t('practice.language')} value={query.language} any={t('filters.any')} options={languageOptions(locale)} />
        <FilterSelect name="technology" label={t('practice.technology')} value={query.technology} any={t('filters.any')} options={technologyOptions(t)} />
        <button type="submit">{t('filters.apply')}</button>
      </form>
      <p role="status">{t('practices.count', { count: result.total })}</p>
      {c.get('actor') && !isMine && (
        <p>
          <a href="/practices?mine=1">{t('practices.mine')}</a>
          {canCreatePractice(c.get('actor')) && <> · <a href="/practices/new">{t('practices.new')}</a></>}
        </p>
      )}
      <ul class="cards">
        {result.items.map((p) => <PracticeCard p={p} t={t} locale={locale} showStatus={isMine} level={2} />)}
      </ul>
      <Pager t={t} page={result.page} perPage={result.perPage} total={result.total} href={href} />
    </>,
  );
});
