import type { ItemView } from '../../domain/accountability/accountability.js';
import { isRtl } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { CommitmentFields, commitmentLabels } from './accountability-forms.js';
import { CsrfField, ErrorSummary, RequiredNote, Select, TextArea, TextField, type FormState } from './forms.js';
import { languageOptions } from './labels.js';

type Common = { t: Translate; locale: string; csrfToken: string; action: string; errors: Record<string, string> };
const dirOf = (lang: string) => (isRtl(lang) ? 'rtl' : 'ltr');

export type EditFormValues = {
  title: string; indicator: string; partners: string; baseline: string; target: string; unit: string; deadline: string; weights: Record<string, string>; reason: string;
};

/** A revision of a commitment, prefilled; the texts are in the commitment's original language; the reason is required. */
export function EditCommitmentForm(props: Common & { values: EditFormValues; lang: string; items: Pick<ItemView, 'id' | 'code' | 'texts' | 'documentLanguage'>[] }) {
  const { t, locale, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const labels = { ...commitmentLabels(t), reason: t('accountability.reason') };
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <CommitmentFields f={f} locale={locale} labels={labels} values={v} lang={props.lang} items={props.items} errors={props.errors} />
      <TextArea f={f} name="reason" label={labels.reason} value={v.reason} required rows={3} maxlength={1000} hint={t('accountability.reason_hint')} />
      <button type="submit">{t('accountability.save_edit')}</button>
    </form>
  );
}

/** Withdrawing a commitment: the reason, published with it. */
export function WithdrawForm(props: Common & { reason: string }) {
  const { t } = props;
  const f: FormState = { t, errors: props.errors };
  const labels = { reason: t('accountability.withdraw_reason') };
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <TextArea f={f} name="reason" label={labels.reason} value={props.reason} required rows={3} maxlength={1000} />
      <button type="submit">{t('accountability.withdraw_submit')}</button>
    </form>
  );
}

export type TranslateFormValues = { lang: string; title: string; indicator: string };

/** The title and indicator in another language; the original is shown above the form for reference. */
export function TranslateForm(props: Common & { values: TranslateFormValues; originalLanguage: string }) {
  const { t, locale, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const labels: Record<string, string> = { lang: t('accountability.translate_lang'), title: t('accountability.title_field'), indicator: t('accountability.indicator') };
  const options = languageOptions(locale, v.lang ? [v.lang] : []).filter((o) => o.value !== props.originalLanguage);
  const lang = v.lang || undefined;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <Select f={f} name="lang" label={labels.lang!} value={v.lang} required options={options} empty="" />
      <TextField f={f} name="title" label={labels.title!} value={v.title} required maxlength={200} lang={lang} dir={lang && dirOf(lang)} />
      <TextField f={f} name="indicator" label={labels.indicator!} value={v.indicator} required maxlength={300} lang={lang} dir={lang && dirOf(lang)} />
      <button type="submit">{t('accountability.save_translation')}</button>
    </form>
  );
}
