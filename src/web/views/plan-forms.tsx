import { MAX_SECTION_NUMBER } from '../../domain/action-plan/draft-sections.js';
import type { StatementView } from '../../domain/consultation/consultation.js';
import { isRtl } from '../../domain/taxonomy/index.js';
import { translateFieldError, type Translate } from '../i18n/i18n.js';
import { pickText } from './content.js';
import { CsrfField, ErrorSummary, RequiredNote, Select, TextArea, TextField, type FormState } from './forms.js';
import { languageOptions } from './labels.js';

type Common = { t: Translate; locale: string; csrfToken: string; action: string; errors: Record<string, string> };
const dirOf = (lang: string) => (isRtl(lang) ? 'rtl' : 'ltr');

type ConsultationOption = { id: string; originalLanguage: string; texts: Record<string, { title: string }>; statementCount: number };

/** Step one of drafting, a GET form: which of the process's consultations the statements come from. */
export function ConsultationChoice(props: { t: Translate; locale: string; action: string; consultations: ConsultationOption[]; chosen: string; error?: string }) {
  const { t, locale } = props;
  return (
    <form method="get" action={props.action}>
      <fieldset id="f-consultation" aria-describedby={props.error ? 'f-consultation-err' : undefined}>
        <legend>{t('plan.choose_consultation')}</legend>
        {props.error && <p class="error" id="f-consultation-err">{props.error}</p>}
        {props.consultations.map((c) => {
          const title = pickText(c.texts, locale, c.originalLanguage);
          return (
            <div class="field">
              <label>
                <input type="radio" name="consultation" value={c.id} checked={c.id === props.chosen || props.consultations.length === 1} required />{' '}
                <span lang={title.lang} dir={title.dir}>{title.text.title}</span> ({t('plan.accepted_statements', { count: c.statementCount })})
              </label>
            </div>
          );
        })}
      </fieldset>
      <button type="submit">{t('plan.continue')}</button>
    </form>
  );
}

export type DraftFormValues = {
  consultationId: string; kind: string; originalLanguage: string; title: string; preamble: string;
  /** Statement id → the section number chosen ('' : not used). */
  sections: Record<string, string>;
  /** Section number → owner organisation id ('' : none). */
  owners: Record<string, string>;
};

const numbers = (max: number) => Array.from({ length: max }, (_, i) => i + 1);

function StatementRow(props: { t: Translate; s: StatementView; index: number; value: string; error?: string }) {
  const { t, s } = props;
  const id = `f-section-${s.id}`;
  return (
    <li>
      <p id={`st-${s.id}`} lang={s.text.lang} dir={dirOf(s.text.lang)}>{s.text.text}</p>
      <div class="field">
        <label for={id}>{t('plan.statement_section', { n: props.index + 1 })}</label>
        {props.error && <p class="error" id={`${id}-err`}>{translateFieldError(t, props.error)}</p>}
        <select id={id} name={`section.${s.id}`} aria-describedby={[`st-${s.id}`, props.error && `${id}-err`].filter(Boolean).join(' ')} aria-invalid={props.error ? 'true' : undefined}>
          <option value="">{t('plan.section_unused')}</option>
          {numbers(MAX_SECTION_NUMBER).map((n) => <option value={String(n)} selected={props.value === String(n)}>{t('plan.section', { n })}</option>)}
        </select>
      </div>
    </li>
  );
}

/**
 * Step two: the document's kind, language, title and preamble, then each accepted statement with the
 * section it goes in, then an owner for each section number.
 */
export function DraftForm(props: Common & { values: DraftFormValues; statements: StatementView[]; organisations: { id: string; name: string }[] }) {
  const { t, locale, values: v, errors } = props;
  const f: FormState = { t, errors };
  const sectionLabel = (sid: string) => t('plan.statement_section', { n: props.statements.findIndex((s) => s.id === sid) + 1 });
  const labels: Record<string, string> = {
    kind: t('plan.kind_field'), originalLanguage: t('plan.language_field'), title: t('plan.title_field'), preamble: t('plan.preamble_field'),
    statements: t('plan.statements_legend'), owners: t('plan.owners_legend'), consultationId: t('plan.choose_consultation'),
    ...Object.fromEntries(props.statements.map((s) => [`section.${s.id}`, sectionLabel(s.id)])),
    ...Object.fromEntries(numbers(MAX_SECTION_NUMBER).map((n) => [`owner.${n}`, t('plan.owner_of', { n })])),
  };
  const statementsError = errors.statements;
  const ownersError = errors.owners;
  const ownerCount = Math.min(MAX_SECTION_NUMBER, props.statements.length);
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="consultationId" value={v.consultationId} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <Select f={f} name="kind" label={labels.kind!} value={v.kind} required options={[{ value: 'declaration', label: t('plan.kind.declaration') }, { value: 'action_plan', label: t('plan.kind.action_plan') }]} />
      <Select f={f} name="originalLanguage" label={labels.originalLanguage!} value={v.originalLanguage} required options={languageOptions(locale, [v.originalLanguage])} hint={t('plan.language_hint')} />
      <TextField f={f} name="title" label={labels.title!} value={v.title} required maxlength={200} lang={v.originalLanguage} dir={dirOf(v.originalLanguage)} />
      <TextArea f={f} name="preamble" label={labels.preamble!} value={v.preamble} rows={4} maxlength={4000} lang={v.originalLanguage} dir={dirOf(v.originalLanguage)} />
      <fieldset id="f-statements" aria-describedby={['f-statements-hint', statementsError && 'f-statements-err'].filter(Boolean).join(' ')}>
        <legend>{labels.statements}</legend>
        <p class="hint" id="f-statements-hint">{t('plan.statements_hint', { max: MAX_SECTION_NUMBER })}</p>
        {statementsError && <p class="error" id="f-statements-err">{translateFieldError(t, statementsError)}</p>}
        <ol>{props.statements.map((s, i) => <StatementRow t={t} s={s} index={i} value={v.sections[s.id] ?? ''} error={errors[`section.${s.id}`]} />)}</ol>
      </fieldset>
      <fieldset id="f-owners" aria-describedby={['f-owners-hint', ownersError && 'f-owners-err'].filter(Boolean).join(' ')}>
        <legend>{labels.owners}</legend>
        <p class="hint" id="f-owners-hint">{t('plan.owners_hint')}</p>
        {ownersError && <p class="error" id="f-owners-err">{translateFieldError(t, ownersError)}</p>}
        {numbers(ownerCount).map((n) => (
          <Select f={f} name={`owner.${n}`} label={labels[`owner.${n}`]!} value={v.owners[String(n)] ?? ''} empty={t('plan.no_owner_choice')} options={props.organisations.map((o) => ({ value: o.id, label: o.name }))} />
        ))}
      </fieldset>
      <button type="submit">{t('plan.draft_submit')}</button>
    </form>
  );
}

export type ItemFormValues = { code: string; weight: string; title: string };
export type ItemFormState = { sectionId: string; values: ItemFormValues; errors: Record<string, string>; message?: string };

/** The small form under a section of an action plan being drafted: one more action item, titled in the document's language. */
export function ItemForm(props: { t: Translate; csrfToken: string; action: string; position: number; lang: string; state?: ItemFormState }) {
  const { t, lang } = props;
  const v = props.state?.values ?? { code: '', weight: '', title: '' };
  const errors = props.state?.errors ?? {};
  const id = (name: string) => `item-${props.position}-${name}`;
  const field = (name: keyof ItemFormValues, label: string, attrs: Record<string, string | number | boolean | undefined>) => (
    <div class="field">
      <label for={id(name)}>{label}</label>
      {errors[name] && <p class="error" id={`${id(name)}-err`}>{translateFieldError(t, errors[name])}</p>}
      <input id={id(name)} name={name} value={v[name]} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={errors[name] ? `${id(name)}-err` : undefined} {...attrs} />
    </div>
  );
  return (
    <form method="post" action={props.action} novalidate id={`item-form-${props.position}`}>
      <CsrfField token={props.csrfToken} />
      <fieldset>
        <legend>{t('plan.add_item_legend', { n: props.position })}</legend>
        {props.state?.message && <p class="errors" role="alert">{props.state.message}</p>}
        {!props.state?.message && Object.keys(errors).length > 0 && <p class="errors" role="alert">{t('form.has_errors', { count: Object.keys(errors).length })}</p>}
        {field('code', t('plan.item_code'), { type: 'text', maxlength: 20, required: true })}
        {field('weight', t('plan.item_weight'), { type: 'number', min: 1, max: 100, step: 1 })}
        {field('title', t('plan.item_title'), { type: 'text', maxlength: 300, required: true, lang, dir: dirOf(lang) })}
        <button type="submit">{t('plan.add_item')}</button>
      </fieldset>
    </form>
  );
}

/** Languages a text may be translated into: the common ones and any already in use, minus those excluded. */
function targetOptions(locale: string, exclude: string[], keep: string) {
  return languageOptions(locale, keep ? [keep] : []).filter((o) => o.value === keep || !exclude.includes(o.value));
}

export type SectionTranslationValues = { version: string; lang: string; text: string };

/** A section's current version in another language; the languages it already has are not offered. */
export function SectionTranslationForm(props: Common & { values: SectionTranslationValues; has: string[]; prefilledFrom?: number }) {
  const { t, locale, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const labels = { lang: t('plan.translation_language'), text: t('plan.translation_text') };
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="version" value={v.version} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <Select f={f} name="lang" label={labels.lang} value={v.lang} required empty={t('plan.choose_language')} options={targetOptions(locale, props.has, v.lang)} />
      <TextArea f={f} name="text" label={labels.text} value={v.text} rows={8} required maxlength={8000} lang={v.lang || undefined} dir={v.lang ? dirOf(v.lang) : 'auto'}
        hint={props.prefilledFrom ? t('plan.prefilled_from', { version: props.prefilledFrom }) : undefined} />
      <button type="submit">{t('plan.translation_submit')}</button>
    </form>
  );
}

export type DocumentTranslationValues = { lang: string; title: string; preamble: string };

/** A document's title and preamble in another language (a new one, or correcting one in `?lang=`). */
export function DocumentTranslationForm(props: Common & { values: DocumentTranslationValues; original: string }) {
  const { t, locale, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const labels = { lang: t('plan.translation_language'), title: t('plan.title_field'), preamble: t('plan.preamble_field') };
  const dir = v.lang ? dirOf(v.lang) : 'auto';
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <Select f={f} name="lang" label={labels.lang} value={v.lang} required empty={t('plan.choose_language')} options={targetOptions(locale, [props.original], v.lang)} />
      <TextField f={f} name="title" label={labels.title} value={v.title} required maxlength={200} lang={v.lang || undefined} dir={dir} />
      <TextArea f={f} name="preamble" label={labels.preamble} value={v.preamble} rows={4} maxlength={4000} lang={v.lang || undefined} dir={dir} />
      <button type="submit">{t('plan.translation_submit')}</button>
    </form>
  );
}

export type ItemTranslationValues = { lang: string; title: string };

export function ItemTranslationForm(props: Common & { values: ItemTranslationValues; original: string }) {
  const { t, locale, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const labels = { lang: t('plan.translation_language'), title: t('plan.item_title') };
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <Select f={f} name="lang" label={labels.lang} value={v.lang} required empty={t('plan.choose_language')} options={targetOptions(locale, [props.original], v.lang)} />
      <TextField f={f} name="title" label={labels.title} value={v.title} required maxlength={300} lang={v.lang || undefined} dir={v.lang ? dirOf(v.lang) : 'auto'} />
      <button type="submit">{t('plan.translation_submit')}</button>
    </form>
  );
}
