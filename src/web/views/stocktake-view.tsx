import type { Child } from 'hono/jsx';
import type { Process } from '../../domain/process/process.js';
import { regionName } from '../../domain/stocktake/iati-regions.js';
import type { StocktakeActivity } from '../../domain/stocktake/stocktake.js';
import type { Gap, SectorSummary } from '../../domain/stocktake/stocktake-summary.js';
import { countryName, languageName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { pickText } from './content.js';
import { formatDay, formatMoney, formatNumber } from './labels.js';
import { ScrollTable } from './scroll-table.js';

type Env = { t: Translate; locale: string };

const join = (locale: string, items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction', style: 'short' }).format(items);
// An area no hub spells any more keeps its key's slug: 'NE:dosso-ville' → 'Dosso Ville'.
const areaName = (key: string) => key.slice(3).split('-').map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1)).join(' ');
export const activityHref = (a: Pick<StocktakeActivity, 'id' | 'processId'>) => `/processes/${a.processId}/stocktake/${a.id}`;

function budgetWords(locale: string, budgets: { amount: number; currency: string }[]) {
  return budgets.map((b) => formatMoney(b.amount, b.currency, locale)).join(' + ');
}

/** The activities as cards: title in its language, then organisation, sector, countries, status and budget. */
export function ActivityList(props: Env & { items: StocktakeActivity[] }) {
  const { t, locale, items } = props;
  if (items.length === 0) return <p>{t('stocktake.none')}</p>;
  return (
    <ul class="cards">
      {items.map((a) => {
        const shown = pickText(a.texts, locale, a.originalLanguage);
        return (
          <li>
            <h3 lang={shown.lang} dir={shown.dir}><a href={activityHref(a)}>{shown.text.title}</a></h3>
            <p class="meta">
              {a.organisation.name} ({t(`sector.${a.organisation.sector}`)}) · {join(locale, a.countries.map((c) => countryName(c, locale)))}
              {' · '}{t(`stocktake.status.${a.status}`)}{a.budget && <> · {budgetWords(locale, [a.budget])}</>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** One row per sector: how many activities and organisations, budgets per currency, themes and countries. */
export function SectorSummaries(props: Env & { summaries: SectorSummary[] }) {
  const { t, locale } = props;
  return (
    // Not a named region: the table's scroll box is one already, under the same name.
    <section>
      <h2 id="by-sector">{t('stocktake.by_sector')}</h2>
      <ScrollTable label={t('stocktake.by_sector')}>
        <table>
          <thead><tr><th scope="col">{t('stocktake.sector')}</th><th scope="col">{t('stocktake.activities')}</th><th scope="col">{t('stocktake.budgets')}</th><th scope="col">{t('stocktake.themes')}</th><th scope="col">{t('stocktake.countries')}</th></tr></thead>
          <tbody>
            {props.summaries.map((s) => (
              <tr>
                <th scope="row">{t(`sector.${s.sector}`)}</th>
                <td>{t('stocktake.activity_count', { count: s.activities, organisations: s.organisations })}</td>
                <td>{s.budgets.length ? budgetWords(locale, s.budgets) : '—'}</td>
                <td>{s.themes.length ? join(locale, s.themes.map((th) => t(`theme.${th}`))) : '—'}</td>
                <td>{s.countries.length ? join(locale, s.countries.map((c) => countryName(c, locale))) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p class="hint">{t('stocktake.budgets_hint')}</p>
    </section>
  );
}

/** Hub priorities no activity covers, one line per area with its uncovered themes and the hubs that asked. */
export function GapList(props: Env & { gaps: Gap[] }) {
  const { t, locale, gaps } = props;
  const areas = new Map<string, Gap[]>();
  for (const g of gaps) areas.set(g.areaKey ?? g.country, [...(areas.get(g.areaKey ?? g.country) ?? []), g]);
  return (
    <section aria-labelledby="gaps">
      <h2 id="gaps">{t('stocktake.gaps_title')}</h2>
      <p>{t('stocktake.gaps_intro')}</p>
      {gaps.length === 0 ? <p>{t('stocktake.gaps_none')}</p> : (
        <ul>
          {[...areas.values()].map((list) => {
            const first = list[0]!;
            const hubs = [...new Map(list.flatMap((g) => g.hubs).map((h) => [h.id, h])).values()];
            return (
              <li>
                <strong>{first.area ? <><span dir="auto">{first.area}</span>, {countryName(first.country, locale)}</> : countryName(first.country, locale)}</strong>
                {': '}{join(locale, list.map((g) => t(`theme.${g.theme}`)))}
                {' '}({hubs.map((h, i) => <>{i > 0 && ', '}<a href={`/hubs/${h.id}`} dir="auto">{h.name}</a></>)})
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Fact(props: { term: string; children: Child }) {
  return <><dt>{props.term}</dt><dd>{props.children}</dd></>;
}

/** Everything an activity says, labelled; texts in the reader's language when there is a version in it. */
export function ActivityFacts(props: Env & { activity: StocktakeActivity; process: Process }) {
  const { t, locale, activity: a } = props;
  const shown = pickText(a.texts, locale, a.originalLanguage);
  const list = (xs: string[]) => (xs.length ? join(locale, xs) : '—');
  return (
    <>
      <div lang={shown.lang} dir={shown.dir}>
        <h1>{shown.text.title}</h1>
        {shown.text.description.split(/\n{2,}/).filter(Boolean).map((p) => <p>{p}</p>)}
      </div>
      {shown.isFallback && <p class="notice">{t('process.shown_in', { lang: languageName(shown.lang, locale) })}</p>}
      <dl class="facts">
        <Fact term={t('stocktake.organisation')}>{a.organisation.name} ({t(`sector.${a.organisation.sector}`)})</Fact>
        <Fact term={t('stocktake.source')}>{a.source === 'iati' ? <>{t('stocktake.source_iati')} <code dir="ltr">{a.iatiIdentifier}</code></> : t('stocktake.source_web')}</Fact>
        <Fact term={t('stocktake.status_label')}>{t(`stocktake.status.${a.status}`)}</Fact>
        <Fact term={t('stocktake.period')}>{a.startsOn ? formatDay(a.startsOn, locale) : '…'} – {a.endsOn ? formatDay(a.endsOn, locale) : '…'}</Fact>
        <Fact term={t('stocktake.countries')}>{list(a.countries.map((c) => countryName(c, locale)))}</Fact>
        <Fact term={t('stocktake.areas')}>{list(a.adminAreas.map((k) => `${areaName(k)} (${countryName(k.slice(0, 2), locale)})`))}</Fact>
        {a.regions.length > 0 && <Fact term={t('stocktake.regions')}><span lang="en" dir="ltr">{join('en', a.regions.map((r) => regionName(r) ?? r))}</span></Fact>}
        <Fact term={t('stocktake.communities')}>{shown.text.communities ? <span lang={shown.lang} dir={shown.dir}>{shown.text.communities}</span> : '—'}</Fact>
        <Fact term={t('stocktake.target_groups')}>{list(a.targetGroups.map((g) => t(`target_group.${g}`)))}</Fact>
        <Fact term={t('stocktake.themes')}>{list(a.themes.map((th) => t(`theme.${th}`)))}</Fact>
        <Fact term={t('stocktake.sdgs')}>{list(a.sdgs.map((n) => `${formatNumber(n, locale)}. ${t(`sdg.${n}`)}`))}</Fact>
        <Fact term={t('stocktake.wsis')}>{list(a.wsis.map((c) => `${c} ${t(`wsis.${c}`)}`))}</Fact>
        <Fact term={t('stocktake.budget')}>{a.budget ? budgetWords(locale, [a.budget]) : '—'}</Fact>
        <Fact term={t('stocktake.partners')}>{a.partners.length ? <span dir="auto">{a.partners.join('; ')}</span> : '—'}</Fact>
      </dl>
    </>
  );
}
