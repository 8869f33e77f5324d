import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getSectionDocument } from '../../../domain/action-plan/action-plan.service.js';
import { findActionItem, translateActionItem, translateDocument, translateSection } from '../../../domain/action-plan/translations.service.js';
import { canTranslatePlan } from '../../../domain/accounts/permissions.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import { isRtl, languageName } from '../../../domain/taxonomy/index.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import {
  DocumentTranslationForm, ItemTranslationForm, SectionTranslationForm, type DocumentTranslationValues, type ItemTranslationValues, type SectionTranslationValues,
} from '../../views/plan-forms.js';
import { documentTitle } from '../../views/plan-view.js';
import { signInFirst } from './alerts-shared.js';
import { render, seeOther } from './page.js';
import { DOC, documentOf, ID, SID } from './plan.js';

/*
 * Translating the declaration and action plan: a section's current version, a document's title and preamble,
 * an action item's title. Open to translators in any phase and after adoption: a translation does not change
 * the agreed text (see translations.service.ts).
 */

const IID = ':iid{[0-9a-fA-F-]{36}}';

type Shown<V> = { values?: V; errors?: Record<string, string>; message?: string; status?: ContentfulStatusCode };

const dirOf = (lang: string) => (isRtl(lang) ? 'rtl' : 'ltr');

function translatorOnly(c: Context<WebEnv>) {
  if (!canTranslatePlan(c.get('actor'))) throw forbidden('plan.translators_only');
}

/** The language to start with: the one asked for in `?lang=` or the reader's, unless it is excluded. */
function startLang(c: Context<WebEnv>, excluded: string[]) {
  return [c.req.query('lang'), c.get('locale')].find((l): l is string => !!l && !excluded.includes(l)) ?? '';
}

/** Reads a refused translation back into the form: 422 with field errors, 409 with its message. */
function refusal(c: Context<WebEnv>, e: unknown): { errors?: Record<string, string>; message?: string; status: ContentfulStatusCode } {
  if (!(e instanceof DomainError)) throw e;
  if (e.code === 'invalid') return { errors: e.fields, status: 422 };
  if (e.code === 'conflict') return { message: c.get('t')(e.message), status: 409 };
  throw e;
}

function page(c: Context<WebEnv>, heading: string, back: { href: string; label: string; lang: string; dir: string }, shown: Shown<unknown>, body: Child) {
  return render(c, heading, (
    <>
      <p><a href={back.href} lang={back.lang} dir={back.dir}>{back.label}</a></p>
      <h1>{heading}</h1>
      {shown.message && <p class="errors" role="alert">{shown.message}</p>}
      {body}
    </>
  ), shown.status ?? 200);
}

/** Links to correct each existing translation, with the language chosen in `?lang=`. */
function ExistingTranslations(props: { c: Context<WebEnv>; langs: string[] }) {
  const { c, langs } = props;
  const t = c.get('t');
  if (langs.length === 0) return null;
  return (
    <>
      <h2>{t('plan.existing_translations')}</h2>
      <ul>{langs.map((l) => <li><a href={`${c.req.path}?lang=${encodeURIComponent(l)}`}>{t('plan.correct_translation', { language: languageName(l, c.get('locale')) })}</a></li>)}</ul>
    </>
  );
}

async function sectionPage(c: Context<WebEnv>, shown: Shown<SectionTranslationValues> & { fresh?: boolean } = {}) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  translatorOnly(c);
  const doc = await getSectionDocument(c.get('ctx'), c.req.param('sid'));
  if (doc.processId !== c.req.param('id')) return c.notFound();
  const section = doc.sections.find((s) => s.id === c.req.param('sid'))!;
  const has = Object.keys(section.texts);
  const lang = startLang(c, has);
  const older = shown.values || !Object.hasOwn(section.outdated, lang) ? undefined : section.outdated[lang];
  // After a stale refusal the form is for the version now current: the translator reads it above first.
  const values = shown.values ? { ...shown.values, version: shown.fresh ? String(section.version) : shown.values.version } : { version: String(section.version), lang, text: older?.text ?? '' };
  const title = documentTitle(doc, locale);
  return page(c, t('plan.translate_section_title', { n: section.position }), { href: `/processes/${doc.processId}/plan/${doc.id}#section-${section.position}`, label: title.text.title, lang: title.lang, dir: title.dir }, shown, (
    <>
      <p>{t('plan.translate_section_intro', { version: section.version })}</p>
      <h2>{t('plan.current_text', { version: section.version })}</h2>
      {has.map((l) => (
        <figure>
          <figcaption>{languageName(l, locale)}</figcaption>
          <blockquote lang={l} dir={dirOf(l)}>{section.texts[l]}</blockquote>
        </figure>
      ))}
      <h2>{t('plan.your_translation')}</h2>
      <SectionTranslationForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={c.req.path} values={values} errors={shown.errors ?? {}} has={has} prefilledFrom={older?.version} />
    </>
  ));
}

async function documentPage(c: Context<WebEnv>, shown: Shown<DocumentTranslationValues> = {}) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  translatorOnly(c);
  const found = await documentOf(c);
  if (!found) return c.notFound();
  const { doc } = found;
  const lang = startLang(c, [doc.originalLanguage]);
  const existing = Object.hasOwn(doc.texts, lang) ? doc.texts[lang] : undefined;
  const values = shown.values ?? { lang, title: existing?.title ?? '', preamble: existing?.preamble ?? '' };
  const original = doc.texts[doc.originalLanguage]!;
  const title = documentTitle(doc, locale);
  return page(c, t('plan.translate_document_title'), { href: `/processes/${doc.processId}/plan/${doc.id}`, label: title.text.title, lang: title.lang, dir: title.dir }, shown, (
    <>
      <p>{t('plan.translate_document_intro', { language: languageName(doc.originalLanguage, locale) })}</p>
      <div lang={doc.originalLanguage} dir={dirOf(doc.originalLanguage)}><p><strong>{original.title}</strong></p>{original.preamble && <p>{original.preamble}</p>}</div>
      <ExistingTranslations c={c} langs={Object.keys(doc.texts).filter((l) => l !== doc.originalLanguage)} />
      <h2>{t('plan.your_translation')}</h2>
      <DocumentTranslationForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={c.req.path} values={values} errors={shown.errors ?? {}} original={doc.originalLanguage} />
    </>
  ));
}

async function itemPage(c: Context<WebEnv>, shown: Shown<ItemTranslationValues> = {}) {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  translatorOnly(c);
  const { document: doc, item } = await findActionItem(c.get('ctx'), c.req.param('iid'));
  if (doc.processId !== c.req.param('id')) return c.notFound();
  const lang = startLang(c, [doc.originalLanguage]);
  const values = shown.values ?? { lang, title: (Object.hasOwn(item.texts, lang) ? item.texts[lang]?.title : undefined) ?? '' };
  const position = doc.sections.find((s) => s.id === item.sectionId)!.position;
  const title = documentTitle(doc, locale);
  const original = item.texts[doc.originalLanguage];
  return page(c, t('plan.translate_item_title', { code: item.code }), { href: `/processes/${doc.processId}/plan/${doc.id}#section-${position}`, label: title.text.title, lang: title.lang, dir: title.dir }, shown, (
    <>
      <p>{t('plan.translate_item_intro', { language: languageName(doc.originalLanguage, locale) })}</p>
      {original && <p lang={doc.originalLanguage} dir={dirOf(doc.originalLanguage)}><strong>{original.title}</strong></p>}
      <ExistingTranslations c={c} langs={Object.keys(item.texts).filter((l) => l !== doc.originalLanguage)} />
      <h2>{t('plan.your_translation')}</h2>
      <ItemTranslationForm t={t} locale={locale} csrfToken={c.get('csrfToken')} action={c.req.path} values={values} errors={shown.errors ?? {}} original={doc.originalLanguage} />
    </>
  ));
}

const form = async (c: Context<WebEnv>) => (await c.req.parseBody()) as FormBody;

export const planTranslateRoutes = new Hono<WebEnv>()
  .use(`/processes/${ID}/plan/sections/${SID}/translate`, signInFirst)
  .use(`/processes/${ID}/plan/${DOC}/translate`, signInFirst)
  .use(`/processes/${ID}/plan/items/${IID}/translate`, signInFirst)
  .get(`/processes/${ID}/plan/sections/${SID}/translate`, (c) => sectionPage(c))
  .post(`/processes/${ID}/plan/sections/${SID}/translate`, async (c) => {
    const body = await form(c);
    const values = { version: str(body, 'version'), lang: str(body, 'lang'), text: str(body, 'text') };
    if ((await getSectionDocument(c.get('ctx'), c.req.param('sid'))).processId !== c.req.param('id')) return c.notFound();
    try {
      const doc = await translateSection(c.get('ctx'), c.get('actor'), c.req.param('sid'), values);
      const position = doc.sections.find((s) => s.id === c.req.param('sid'))!.position;
      return seeOther(c, `/processes/${doc.processId}/plan/${doc.id}#section-${position}`, 'plan_translation_saved');
    } catch (e) {
      const shown = refusal(c, e);
      return sectionPage(c, { ...shown, values, fresh: e instanceof DomainError && e.message === 'plan.translation_stale' });
    }
  })
  .get(`/processes/${ID}/plan/${DOC}/translate`, (c) => documentPage(c))
  .post(`/processes/${ID}/plan/${DOC}/translate`, async (c) => {
    const body = await form(c);
    const values = { lang: str(body, 'lang'), title: str(body, 'title'), preamble: str(body, 'preamble') };
    if (!(await documentOf(c))) return c.notFound();
    try {
      const doc = await translateDocument(c.get('ctx'), c.get('actor'), c.req.param('doc'), values);
      return seeOther(c, `/processes/${doc.processId}/plan/${doc.id}`, 'plan_translation_saved');
    } catch (e) {
      return documentPage(c, { ...refusal(c, e), values });
    }
  })
  .get(`/processes/${ID}/plan/items/${IID}/translate`, (c) => itemPage(c))
  .post(`/processes/${ID}/plan/items/${IID}/translate`, async (c) => {
    const body = await form(c);
    const values = { lang: str(body, 'lang'), title: str(body, 'title') };
    if ((await findActionItem(c.get('ctx'), c.req.param('iid'))).document.processId !== c.req.param('id')) return c.notFound();
    try {
      await translateActionItem(c.get('ctx'), c.get('actor'), c.req.param('iid'), values);
      const { document: doc, item } = await findActionItem(c.get('ctx'), c.req.param('iid'));
      const position = doc.sections.find((s) => s.id === item.sectionId)!.position;
      return seeOther(c, `/processes/${doc.processId}/plan/${doc.id}#section-${position}`, 'plan_translation_saved');
    } catch (e) {
      return itemPage(c, { ...refusal(c, e), values });
    }
  });
