import type { FieldErrors } from '../../domain/errors.js';
import type { Process } from '../../domain/process/process.js';
import { isRtl, languageName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { CsrfField, ErrorSummary, RequiredNote, Section, Select, TextArea, TextField, type FormState } from './forms.js';
import { languageOptions } from './labels.js';

type Env = { t: Translate; locale: string };

/** What the form shows: the texts of the process and of each phase (in order) in the chosen language. */
export type TranslationValues = { title: string; description: string; phases: { id: string; title: string; description: string }[] };

/** The texts a language has now, empty where it has none. */
export function valuesInLanguage(p: Process, lang: string): TranslationValues {
  return {
    title: p.texts[lang]?.title ?? '', description: p.texts[lang]?.description ?? '',
    phases: p.phases.map((ph) => ({ id: ph.id, title: ph.texts[lang]?.title ?? '', description: ph.texts[lang]?.description ?? '' })),
  };
}

/** Choosing the language to write in: a plain GET form, so it works without JavaScript; the languages so far as links. */
export function LanguagePicker(props: Env & { process: Process; lang: string; errors: FieldErrors }) {
  const { t, locale, process: p } = props;
  const f: FormState = { t, errors: props.errors };
  const existing = Object.keys(p.texts);
  return (
    <>
      <form method="get" action={`/processes/${p.id}/translate`}>
        <RequiredNote t={t} />
        <Select f={f} name="lang" label={t('process.translate_lang')} value={props.lang} options={languageOptions(locale, [props.lang, ...existing])} required />
        <button type="submit" class="secondary">{t('process.translate_choose')}</button>
      </form>
      <p>
        {t('process.translate_existing')}{' '}
        {existing.map((l, i) => <>{i > 0 && ', '}<a href={`/processes/${p.id}/translate?lang=${encodeURIComponent(l)}`}>{languageName(l, locale)}</a></>)}
      </p>
    </>
  );
}

/** The original text beside a field to translate (not shown when writing in the original language). */
function Original(props: Env & { process: Process; lang: string; text: string }) {
  const { t, locale, process: p } = props;
  if (props.lang === p.originalLanguage || !props.text) return null;
  const dir = isRtl(p.originalLanguage) ? 'rtl' : 'ltr';
  return <p class="meta">{t('process.translate_original', { lang: languageName(p.originalLanguage, locale) })} <span lang={p.originalLanguage} dir={dir}>{props.text}</span></p>;
}

/** The texts of the process and of every phase in one language, with the original beside each title. */
export function TranslationForm(props: Env & { csrfToken: string; process: Process; lang: string; values: TranslationValues; errors: FieldErrors }) {
  const { t, locale, process: p, lang, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const dir = isRtl(lang) ? 'rtl' : 'ltr';
  const original = p.texts[p.originalLanguage];
  const labels: Record<string, string> = { lang: t('process.translate_lang'), title: t('process.title_field'), description: t('process.description_field') };
  p.phases.forEach((_, i) => {
    for (const [k, key] of [['title', 'process.title_field'], ['description', 'process.description_field']] as const) {
      labels[`phases.${i}.${k}`] = t('process.phase_field', { n: i + 1, field: t(key) });
    }
  });
  return (
    <form method="post" action={`/processes/${p.id}/translate`} novalidate>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="lang" value={lang} />
      <h2>{t('process.translate_in', { lang: languageName(lang, locale) })}</h2>
      {lang === p.originalLanguage && <p class="notice">{t('process.translate_is_original')}</p>}
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <Section title={t('process.new_about')}>
        <Original t={t} locale={locale} process={p} lang={lang} text={original?.title ?? ''} />
        <TextField f={f} name="title" label={labels.title!} value={v.title} required maxlength={200} lang={lang} dir={dir} />
        <TextArea f={f} name="description" label={labels.description!} value={v.description} maxlength={4000} rows={3} lang={lang} dir={dir} />
      </Section>
      {p.phases.map((ph, i) => (
        <Section title={t('process.phase_legend', { n: ph.position })}>
          <input type="hidden" name={`phases.${i}.id`} value={ph.id} />
          <Original t={t} locale={locale} process={p} lang={lang} text={ph.texts[p.originalLanguage]?.title ?? ''} />
          <TextField f={f} name={`phases.${i}.title`} label={t('process.title_field')} value={v.phases[i]?.title} maxlength={200} lang={lang} dir={dir}
            required={lang === p.originalLanguage} />
          <TextArea f={f} name={`phases.${i}.description`} label={t('process.description_field')} value={v.phases[i]?.description} maxlength={4000} rows={2} lang={lang} dir={dir} />
        </Section>
      ))}
      <button type="submit">{t('process.translate_save')}</button>
    </form>
  );
}
