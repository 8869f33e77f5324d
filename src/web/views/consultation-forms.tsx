import { STATEMENT_MAX } from '../../domain/consultation/consultation.js';
import { isRtl } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { CsrfField, ErrorSummary, RequiredNote, Select, TextArea, TextField, type FormState } from './forms.js';
import { languageOptions } from './labels.js';

export type FormValues = Record<string, string>;
export type Errors = Record<string, string>;

/** The three answers, in the order Polis shows them. */
export const VOTES = ['agree', 'disagree', 'pass'] as const;

/**
 * Agree / disagree / pass on one language version of a statement: the version shown is the one
 * voted on, so it travels in a hidden field. `labelledBy` names the statement for screen readers.
 */
export function VoteForm(props: { t: Translate; csrfToken: string; action: string; statementId: string; lang: string; labelledBy: string; back?: string }) {
  const { t } = props;
  return (
    <form method="post" action={props.action}>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="statementId" value={props.statementId} />
      <input type="hidden" name="lang" value={props.lang} />
      {props.back && <input type="hidden" name="back" value={props.back} />}
      <div class="actions" role="group" aria-labelledby={props.labelledBy}>
        {VOTES.map((v) => <button type="submit" name="vote" value={v} class={v === 'pass' ? 'secondary' : undefined}>{t(`consultation.${v}`)}</button>)}
      </div>
    </form>
  );
}

/** A statement (or a translation of one): its language and at most 500 characters. */
export function StatementForm(props: { t: Translate; locale: string; csrfToken: string; action: string; title: string; submit: string; values: FormValues; errors: Errors; hint?: string }) {
  const { t, values } = props;
  const f: FormState = { t, errors: props.errors };
  const lang = values.lang || props.locale;
  return (
    <form method="post" action={props.action} id="propose">
      <CsrfField token={props.csrfToken} />
      <h2>{props.title}</h2>
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={{ lang: t('consultation.statement_lang'), text: t('consultation.statement_text') }} />
      <Select f={f} name="lang" label={t('consultation.statement_lang')} value={lang} options={languageOptions(props.locale, [lang])} required />
      <TextArea f={f} name="text" label={t('consultation.statement_text')} value={values.text} hint={props.hint ?? t('consultation.propose_hint', { max: STATEMENT_MAX })} rows={3} maxlength={STATEMENT_MAX} required dir="auto" />
      <button type="submit">{props.submit}</button>
    </form>
  );
}

/** A process to choose in a select: its id and its title in the reader's language. */
export type ProcessOption = { value: string; label: string };

/** Opening a consultation: its title and description in the language they are written in, and its process if any. */
export function NewConsultationForm(props: { t: Translate; locale: string; csrfToken: string; values: FormValues; errors: Errors; processes: ProcessOption[] }) {
  const { t, values } = props;
  const f: FormState = { t, errors: props.errors };
  const lang = values.originalLanguage || props.locale;
  return (
    <form method="post" action="/consultations" id="new">
      <CsrfField token={props.csrfToken} />
      <h2>{t('consultation.new')}</h2>
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={{ originalLanguage: t('consultation.language_field'), 'text.title': t('consultation.title_field'), 'text.description': t('consultation.description_field'), processId: t('consultation.process_field') }} />
      <Select f={f} name="originalLanguage" label={t('consultation.language_field')} value={lang} options={languageOptions(props.locale, [lang])} required />
      <TextField f={f} name="text.title" label={t('consultation.title_field')} value={values['text.title']} maxlength={200} required dir={isRtl(lang) ? 'rtl' : undefined} />
      <TextArea f={f} name="text.description" label={t('consultation.description_field')} value={values['text.description']} maxlength={4000} rows={4} />
      {props.processes.length > 0 && (
        <Select f={f} name="processId" label={t('consultation.process_field')} value={values.processId ?? ''} options={props.processes} empty={t('consultation.no_process')} hint={t('consultation.process_hint')} />
      )}
      <button type="submit">{t('consultation.create')}</button>
    </form>
  );
}

/** Taking part: a delegate speaks for their organisation; a coordinator with several hubs picks one. */
export function JoinForm(props: { t: Translate; csrfToken: string; id: string; hubs: { value: string; label: string }[] }) {
  const { t, hubs } = props;
  return (
    <form method="post" action={`/consultations/${props.id}/participants`}>
      <CsrfField token={props.csrfToken} />
      <h2>{t('consultation.take_part_title')}</h2>
      <p>{t('consultation.take_part_intro')}</p>
      {hubs.length > 1 && (
        <div class="field">
          <label for="join-hub">{t('consultation.take_part_hub')}</label>
          <select id="join-hub" name="hubId">{hubs.map((h) => <option value={h.value}>{h.label}</option>)}</select>
        </div>
      )}
      {hubs.length === 1 && <input type="hidden" name="hubId" value={hubs[0]!.value} />}
      <button type="submit">{t('consultation.take_part')}</button>
    </form>
  );
}

/** Linking the consultation to a process, or to none (admins). */
export function LinkProcessForm(props: { t: Translate; csrfToken: string; id: string; processes: ProcessOption[]; value: string; errors: Errors }) {
  const { t } = props;
  const f: FormState = { t, errors: props.errors };
  return (
    <form method="post" action={`/consultations/${props.id}/process`} id="process" novalidate>
      <CsrfField token={props.csrfToken} />
      <h2>{t('consultation.link_title')}</h2>
      <ErrorSummary f={f} labels={{ processId: t('consultation.process_field') }} />
      <Select f={f} name="processId" label={t('consultation.process_field')} value={props.value} options={props.processes} empty={t('consultation.no_process')} hint={t('consultation.process_hint')} />
      <button type="submit" class="secondary">{t('consultation.link_submit')}</button>
    </form>
  );
}
