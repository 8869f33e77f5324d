import { Hono, type Context } from 'hono';
import { canActForHub, canCreateHub, canEditHub, canTranslateHub } from '../../../domain/accounts/permissions.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import type { Hub } from '../../../domain/hubs/hubs.js';
import { createHub, getHub, listHubs, saveHubTranslation, updateHub } from '../../../domain/hubs/hubs.service.js';
import { communitiesLikeYours } from '../../../domain/matching/matching.service.js';
import { listPractices } from '../../../domain/practices/practices.service.js';
import { countryName, languageName } from '../../../domain/taxonomy/index.js';
import type { FormBody } from '../../forms/form-body.js';
import { formToHubProfile, formToHubText, hubValuesFromBody, hubValuesFromHub, type HubFormValues } from '../../forms/hub-form.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { AskExchangeForm } from '../../views/exchange-view.js';
import { HubForm } from '../../views/hub-form.js';
import { Recommendations } from '../../views/recommendations.js';
import { countryOptions, formatNumber, hubKindOptions, languageOptions } from '../../views/labels.js';
import { Pager, PracticeCard } from '../../views/practice-card.js';
import { myHubOptions } from './hub-names.js';
import { flashOf, render, seeOther } from './page.js';

function HubView(props: { h: Hub; c: Context<WebEnv> }) {
  const { h, c } = props;
  const t = c.get('t');
  const locale = c.get('locale');
  const actor = c.get('actor');
  const shown = pickText(h.texts, locale, h.originalLanguage, c.req.query('lang'));
  const yes = (b: boolean) => t(b ? 'form.yes' : 'form.no');
  return (
    <article>
      <h1 lang={shown.lang} dir={shown.dir}>{shown.text.name}</h1>
      {shown.isFallback && <p class="notice">{t('translations.fallback', { shown: languageName(shown.lang, locale), wanted: languageName(locale, locale) })}</p>}
      <p class="meta">{t('translations.available')} {Object.keys(h.texts).map((l) => languageName(l, locale)).join(', ')}</p>
      {shown.text.description && <p lang={shown.lang} dir={shown.dir}>{shown.text.description}</p>}
      <dl class="facts">
        <dt>{t('hub.kind')}</dt><dd>{t(`hub_kind.${h.kind}`)}</dd>
        <dt>{t('hub.community_type')}</dt><dd>{t(`community_type.${h.communityType}`)}</dd>
        <dt>{t('hub.country')}</dt><dd>{countryName(h.country, locale)}{h.adminArea && `, ${h.adminArea}`}</dd>
        {h.latitude !== null && h.longitude !== null && <><dt>{t('hub.coordinates')}</dt><dd>{`${h.latitude.toFixed(3)}, ${h.longitude.toFixed(3)}`}</dd></>}
        <dt>{t('hub.languages')}</dt><dd>{h.languages.map((l) => languageName(l, locale)).join(', ')}</dd>
        {h.population !== null && <><dt>{t('hub.population')}</dt><dd>{formatNumber(h.population, locale)}</dd></>}
        <dt>{t('hub.internet')}</dt><dd>{t(`internet.${h.internet}`)}</dd>
        <dt>{t('hub.mobile')}</dt><dd>{t(`mobile.${h.mobile}`)}</dd>
        <dt>{t('hub.sms')}</dt><dd>{yes(h.hasSms)}</dd>
        {h.radioName && <><dt>{t('hub.radio')}</dt><dd>{h.radioName}{h.radioFrequency && ` (${h.radioFrequency})`}</dd></>}
        <dt>{t('hub.electricity')}</dt><dd>{t(`electricity.${h.electricity}`)}</dd>
        {h.themes.length > 0 && <><dt>{t('hub.priorities')}</dt><dd>{h.themes.map((v) => t(`theme.${v}`)).join(', ')}</dd></>}
      </dl>
      <h2>{t('hub.contact')}</h2>
      {h.contact ? (
        <dl class="facts">
          {h.contact.name && <><dt>{t('hub.contact_name')}</dt><dd>{h.contact.name}</dd></>}
          {h.contact.email && <><dt>{t('hub.contact_email')}</dt><dd><a href={`mailto:${h.contact.email}`}>{h.contact.email}</a></dd></>}
          {h.contact.phone && <><dt>{t('hub.contact_phone')}</dt><dd dir="ltr">{h.contact.phone}</dd></>}
        </dl>
      ) : <p>{t('hub.contact_members_only')} <a href={`/login?next=/hubs/${h.id}`}>{t('nav.sign_in')}</a></p>}
      <div class="actions no-print">
        {canEditHub(actor, h.id) && <a class="button" href={`/hubs/${h.id}/edit`}>{t('hub.edit')}</a>}
        {canTranslateHub(actor, h.id) && <a class="button" href={`/hubs/${h.id}/translate`}>{t('practice.translate')}</a>}
      </div>
    </article>
  );
}

async function showHubForm(c: Context<WebEnv>, title: string, action: string, mode: 'new' | 'edit' | 'translate', values: HubFormValues, errors: Record<string, string> = {}, lang?: string) {
  const form = <HubForm t={c.get('t')} locale={c.get('locale')} csrfToken={c.get('csrfToken')} action={action} values={values} errors={errors} mode={mode} lang={lang} />;
  return render(c, title, <><h1>{title}</h1>{form}</>, Object.keys(errors).length ? 422 : 200);
}

function fieldErrors(e: unknown): Record<string, string> {
  if (e instanceof DomainError && e.code === 'invalid') return e.fields;
  throw e;
}

export const hubRoutes = new Hono<WebEnv>()
  .get('/hubs', async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const query = c.req.query();
    const result = await listHubs(c.get('ctx'), c.get('actor'), query);
    const href = (page: number) => `/hubs?${new URLSearchParams({ ...query, page: String(page) })}`;
    return render(c, t('hubs.title'), (
      <>
        <h1>{t('hubs.title')}</h1>
        <form class="filters" method="get" action="/hubs" role="search">
          <div><label for="hq">{t('filters.name_contains')}</label><input id="hq" type="search" name="q" value={query.q ?? ''} maxlength={100} /></div>
          <div><label for="hk">{t('hub.kind')}</label><select id="hk" name="kind"><option value="">{t('filters.any')}</option>{hubKindOptions(t).map((o) => <option value={o.value} selected={o.value === query.kind}>{o.label}</option>)}</select></div>
          <div><label for="hc">{t('hub.country')}</label><select id="hc" name="country"><option value="">{t('filters.any')}</option>{countryOptions(locale).map((o) => <option value={o.value} selected={o.value === query.country}>{o.label}</option>)}</select></div>
          <button type="submit">{t('filters.apply')}</button>
        </form>
        <p role="status">{t('hubs.count', { count: result.total })}</p>
        {canCreateHub(c.get('actor')) && <p><a href="/hubs/new">{t('hubs.new')}</a></p>}
        <ul class="cards">
          {result.items.map((h) => {
            const shown = pickText(h.texts, locale, h.originalLanguage);
            return (
              <li>
                <h2 lang={shown.lang} dir={shown.dir}><a href={`/hubs/${h.id}`}>{shown.text.name}</a></h2>
                <p class="meta">{t(`hub_kind.${h.kind}`)} · {countryName(h.country, locale)}{h.adminArea && `, ${h.adminArea}`} · {h.languages.map((l) => languageName(l, locale)).join(', ')}</p>
              </li>
            );
          })}
        </ul>
        <Pager t={t} page={result.page} perPage={result.perPage} total={result.total} href={href} />
      </>
    ));
  })
  .get('/hubs/new', (c) => {
    if (!canCreateHub(c.get('actor'))) throw c.get('actor') ? forbidden() : new DomainError('unauthenticated', 'error.sign_in_required');
    return showHubForm(c, c.get('t')('hubs.new'), '/hubs/new', 'new', hubValuesFromHub(null, c.get('locale')));
  })
  .post('/hubs/new', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    try {
      const h = await createHub(c.get('ctx'), c.get('actor'), { ...formToHubProfile(body), originalLanguage: body.originalLanguage, text: formToHubText(body) });
      return seeOther(c, `/hubs/${h.id}`, 'created');
    } catch (e) {
      return showHubForm(c, c.get('t')('hubs.new'), '/hubs/new', 'new', hubValuesFromBody(body), fieldErrors(e));
    }
  })
  .get('/hubs/:id', async (c) => {
    const h = await getHub(c.get('ctx'), c.get('actor'), c.req.param('id'));
    const t = c.get('t');
    const ctx = c.get('ctx');
    const practices = await listPractices(ctx, c.get('actor'), { hub: h.id, perPage: 10 });
    const { practices: recommended, peers } = await communitiesLikeYours(ctx, c.get('actor'), h.id, { practices: 5, peers: 3 });
    const name = pickText(h.texts, c.get('locale'), h.originalLanguage).text.name;
    return render(c, name, (
      <>
        <HubView h={h} c={c} />
        <h2>{t('hub.practices')}</h2>
        {practices.items.length ? <ul class="cards">{practices.items.map((p) => <PracticeCard p={p} t={t} locale={c.get('locale')} level={3} />)}</ul> : <p>{t('hub.no_practices')}</p>}
        <Recommendations t={t} locale={c.get('locale')} practices={recommended} peers={peers} />
        {canActForHub(c.get('actor'), h.id) && <p><a href={`/hubs/${h.id}/exchanges`}>{t('exchange.link')}</a></p>}
        <AskExchangeForm t={t} csrfToken={c.get('csrfToken')} myHubs={await myHubOptions(c, c.get('actor'), [h.id])} toHubId={h.id} />
      </>
    ), 200, flashOf(c));
  })
  .get('/hubs/:id/edit', async (c) => {
    const h = await getHub(c.get('ctx'), c.get('actor'), c.req.param('id'));
    if (!canEditHub(c.get('actor'), h.id)) throw forbidden();
    return showHubForm(c, c.get('t')('hub.edit'), `/hubs/${h.id}/edit`, 'edit', hubValuesFromHub(h, h.originalLanguage));
  })
  .post('/hubs/:id/edit', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const id = c.req.param('id');
    try {
      await updateHub(c.get('ctx'), c.get('actor'), id, formToHubProfile(body));
      return seeOther(c, `/hubs/${id}`, 'saved');
    } catch (e) {
      return showHubForm(c, c.get('t')('hub.edit'), `/hubs/${id}/edit`, 'edit', hubValuesFromBody(body), fieldErrors(e));
    }
  })
  .get('/hubs/:id/translate', async (c) => {
    const t = c.get('t');
    const h = await getHub(c.get('ctx'), c.get('actor'), c.req.param('id'));
    if (!canTranslateHub(c.get('actor'), h.id)) throw forbidden();
    const lang = c.req.query('lang');
    if (!lang) {
      return render(c, t('practice.translate'), (
        <>
          <h1>{t('practice.translate')}</h1>
          <form method="get" action={`/hubs/${h.id}/translate`}>
            <label for="lang">{t('translate.language')}</label>{' '}
            <select id="lang" name="lang" required>{languageOptions(c.get('locale')).map((o) => <option value={o.value}>{o.label}</option>)}</select>{' '}
            <button type="submit">{t('form.continue')}</button>
          </form>
        </>
      ));
    }
    return showHubForm(c, `${t('practice.translate')} → ${languageName(lang, c.get('locale'))}`, `/hubs/${h.id}/translate`, 'translate', hubValuesFromHub(h, lang), {}, lang);
  })
  .post('/hubs/:id/translate', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const id = c.req.param('id');
    const lang = typeof body.lang === 'string' ? body.lang : '';
    try {
      await saveHubTranslation(c.get('ctx'), c.get('actor'), id, lang, formToHubText(body));
      return seeOther(c, `/hubs/${id}?lang=${encodeURIComponent(lang)}`, 'translated');
    } catch (e) {
      return showHubForm(c, c.get('t')('practice.translate'), `/hubs/${id}/translate`, 'translate', hubValuesFromBody(body), fieldErrors(e), lang);
    }
  });
