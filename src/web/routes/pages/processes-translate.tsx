import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canTranslateProcess } from '../../../domain/accounts/permissions.js';
import { DomainError, forbidden, type FieldErrors } from '../../../domain/errors.js';
import { translateProcess } from '../../../domain/process/process-texts.service.js';
import { getProcess } from '../../../domain/process/process.service.js';
import { languageTag } from '../../../domain/shared/fields.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { LanguagePicker, TranslationForm, valuesInLanguage, type TranslationValues } from '../../views/process-translate-form.js';
import { signInFirst } from './alerts-shared.js';
import { render, seeOther } from './page.js';

const ID = ':id{[0-9a-fA-F-]{36}}';

type FormState = { lang: string; values?: TranslationValues; errors?: FieldErrors; status?: ContentfulStatusCode };

/** The language asked for (`?lang=`, else the interface language), or an error for the picker if it is not one. */
function languageOf(c: Context<WebEnv>): { lang: string; errors: FieldErrors } {
  const asked = c.req.query('lang');
  if (asked === undefined || asked === '') return { lang: c.get('locale'), errors: {} };
  const parsed = languageTag.safeParse(asked);
  return parsed.success ? { lang: parsed.data, errors: {} } : { lang: c.get('locale'), errors: { lang: 'validation.language' } };
}

async function showForm(c: Context<WebEnv>, form: FormState, pickerErrors: FieldErrors = {}) {
  if (!canTranslateProcess(c.get('actor'))) throw forbidden('process.translators_only');
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  const p = await getProcess(c.get('ctx'), c.req.param('id'));
  const shown = pickText(p.texts, locale, p.originalLanguage);
  const env = { t, locale };
  return render(c, t('process.translate_title'), (
    <>
      <p><a href={`/processes/${p.id}`} lang={shown.lang} dir={shown.dir}>{shown.text.title}</a></p>
      <h1>{t('process.translate_title')}</h1>
      <p>{t('process.translate_intro')}</p>
      <LanguagePicker {...env} process={p} lang={form.lang} errors={pickerErrors} />
      <TranslationForm {...env} csrfToken={c.get('csrfToken')} process={p} lang={form.lang} values={form.values ?? valuesInLanguage(p, form.lang)} errors={form.errors ?? {}} />
    </>
  ), form.status ?? (Object.keys(pickerErrors).length > 0 ? 422 : 200));
}

function valuesOf(body: FormBody): TranslationValues {
  const phases: TranslationValues['phases'] = [];
  for (let i = 0; `phases.${i}.id` in body && i < 100; i++) {
    phases.push({ id: str(body, `phases.${i}.id`), title: str(body, `phases.${i}.title`), description: str(body, `phases.${i}.description`) });
  }
  return { title: str(body, 'title'), description: str(body, 'description'), phases };
}

/** A phase's id is a hidden field: its errors are told at the phase's title. */
function formErrors(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) out[k.replace(/^(phases\.\d+)\.phaseId$/, '$1.title')] ??= v;
  return out;
}

/** Translating a process (admins and curators): pick a language, write the texts, save; the original language too. */
export const processTranslateRoutes = new Hono<WebEnv>()
  .use(`/processes/${ID}/translate`, signInFirst)
  .get(`/processes/${ID}/translate`, (c) => {
    const { lang, errors } = languageOf(c);
    return showForm(c, { lang }, errors);
  })
  .post(`/processes/${ID}/translate`, async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const lang = str(body, 'lang');
    const values = valuesOf(body);
    try {
      const input = { lang, title: values.title, description: values.description, phases: values.phases.map((ph) => ({ phaseId: ph.id, title: ph.title, description: ph.description })) };
      const saved = await translateProcess(c.get('ctx'), c.get('actor'), c.req.param('id'), input);
      return seeOther(c, `/processes/${saved.id}`, 'translated');
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'invalid') throw e;
      const errors = formErrors(e.fields);
      // A language that is not one (the hidden field was altered) is said at the picker, with the interface language.
      return errors.lang ? showForm(c, { lang: c.get('locale'), values, errors, status: 422 }, { lang: errors.lang }) : showForm(c, { lang: languageTag.parse(lang), values, errors, status: 422 });
    }
  });
