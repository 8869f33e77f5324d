import { Hono, type Context } from 'hono';
import { canInPhase } from '../../../domain/process/phases.js';
import { getProcess } from '../../../domain/process/process.service.js';
import { listImports } from '../../../domain/stocktake/stocktake-import.service.js';
import { getActivity, getStocktake, mayEditActivity, organisationsFor } from '../../../domain/stocktake/stocktake.service.js';
import { countryName, SECTORS, THEMES } from '../../../domain/taxonomy/index.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { formatDate } from '../../views/labels.js';
import { ActivityFacts, ActivityList, GapList, SectorSummaries } from '../../views/stocktake-view.js';
import { flashOf, render } from './page.js';

export const ID = ':id{[0-9a-fA-F-]{36}}';
export const AID = ':aid{[0-9a-fA-F-]{36}}';

/** Whether the page offers to record: the phase allows it and the reader speaks for some organisation. */
export async function mayRecordNow(c: Context<WebEnv>, process: Awaited<ReturnType<typeof getProcess>>) {
  const phase = process.phases.find((p) => p.id === process.activePhaseId);
  return { isOpen: Boolean(phase && canInPhase(phase, 'stocktaking')), organisations: await organisationsFor(c.get('ctx'), c.get('actor')) };
}

export const stocktakeRoutes = new Hono<WebEnv>()
  .get(`/processes/${ID}/stocktake`, async (c) => {
    const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
    const process = await getProcess(ctx, c.req.param('id'));
    const s = await getStocktake(ctx, process.id, c.req.query());
    const imports = await listImports(ctx, process.id);
    const { isOpen, organisations } = await mayRecordNow(c, process);
    const title = pickText(process.texts, locale, process.originalLanguage);
    const base = `/processes/${process.id}/stocktake`;
    const countries = [...new Set(s.summaries.flatMap((x) => x.countries))].map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
    const select = (name: 'sector' | 'theme' | 'country', label: string, options: { value: string; label: string }[]) => (
      <div><label for={`s-${name}`}>{label}</label><select id={`s-${name}`} name={name}><option value="">{t('filters.any')}</option>{options.map((o) => <option value={o.value} selected={o.value === s.filters[name]}>{o.label}</option>)}</select></div>
    );
    return render(c, t('stocktake.title'), (
      <>
        <p><a href={`/processes/${process.id}`} lang={title.lang} dir={title.dir}>{title.text.title}</a></p>
        <h1>{t('stocktake.title')}</h1>
        <p>{t('stocktake.intro')}</p>
        {!isOpen && <p class="notice">{t('stocktake.closed')}</p>}
        {isOpen && organisations.length > 0 && (
          <p class="actions"><a href={`${base}/new`}>{t('stocktake.new')}</a> <a href={`${base}/import`}>{t('stocktake.import_title')}</a></p>
        )}
        <section aria-labelledby="activities">
          <h2 id="activities">{t('stocktake.activities')}</h2>
          <form class="filters" method="get" action={base} role="search" aria-label={t('stocktake.filter')}>
            {select('sector', t('stocktake.sector'), SECTORS.map((x) => ({ value: x, label: t(`sector.${x}`) })))}
            {select('theme', t('stocktake.theme'), THEMES.map((x) => ({ value: x, label: t(`theme.${x}`) })))}
            {select('country', t('stocktake.country'), countries.map((x) => ({ value: x.code, label: x.name })))}
            <button type="submit">{t('filters.apply')}</button>
          </form>
          <p role="status">{t('stocktake.shown', { count: s.activities.length, total: s.total })}</p>
          <ActivityList t={t} locale={locale} items={s.activities} />
        </section>
        <SectorSummaries t={t} locale={locale} summaries={s.summaries} />
        <GapList t={t} locale={locale} gaps={s.gaps} />
        {imports.length > 0 && (
          <section aria-labelledby="imports">
            <h2 id="imports">{t('stocktake.imports_title')}</h2>
            <ul>{imports.map((i) => <li><a href={`${base}/imports/${i.id}`} dir="auto">{i.fileName}</a> — {i.organisationName}, {formatDate(i.at, locale)}</li>)}</ul>
          </section>
        )}
      </>
    ), 200, flashOf(c));
  })
  .get(`/processes/${ID}/stocktake/${AID}`, async (c) => {
    const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
    const process = await getProcess(ctx, c.req.param('id'));
    const a = await getActivity(ctx, c.req.param('aid'));
    if (a.processId !== process.id) return c.notFound();
    const canEdit = (await mayRecordNow(c, process)).isOpen && (await mayEditActivity(ctx, c.get('actor'), a));
    const title = pickText(a.texts, locale, a.originalLanguage).text.title;
    return render(c, title, (
      <>
        <p><a href={`/processes/${process.id}/stocktake`}>{t('stocktake.back')}</a></p>
        <ActivityFacts t={t} locale={locale} activity={a} process={process} />
        {canEdit && <p><a href={`/processes/${process.id}/stocktake/${a.id}/edit`}>{t('stocktake.edit')}</a></p>}
      </>
    ), 200, flashOf(c));
  });
