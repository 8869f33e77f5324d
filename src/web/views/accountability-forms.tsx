import type { ItemView, Organisation } from '../../domain/accountability/accountability.js';
import { MAX_AUDIO_BYTES } from '../../domain/accountability/audio.js';
import { MAX_DOCUMENT_BYTES } from '../../domain/accountability/document.js';
import { isRtl } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { itemLabel } from './accountability-view.js';
import { CsrfField, ErrorSummary, FileField, RequiredNote, Section, Select, TextArea, TextField, type FormState } from './forms.js';
import { formatNumber, languageOptions } from './labels.js';

type Common = { t: Translate; locale: string; csrfToken: string; action: string; errors: Record<string, string> };

type PlanItem = Pick<ItemView, 'id' | 'code' | 'texts' | 'documentLanguage'>;

/** A weight (1–100) for each action-plan item a commitment serves; blank: not served. */
export function ItemWeights(props: { t: Translate; locale: string; label: string; items: PlanItem[]; weights: Record<string, string>; errors: Record<string, string> }) {
  const { t, locale } = props;
  const itemsError = Object.entries(props.errors).find(([k]) => k === 'items' || k.startsWith('items.'))?.[1];
  return (
    <Section title={props.label}>
      <p class="hint">{t('accountability.items_hint')}</p>
      {itemsError && <p class="error" id="f-items">{t(itemsError.split(':')[0]!)}</p>}
      {props.items.map((i) => {
        const l = itemLabel(i, locale);
        return (
          <div class="field">
            <label for={`f-weight-${i.id}`}><bdi lang={l.lang} dir={l.dir}>{l.label}</bdi></label>
            <input id={`f-weight-${i.id}`} name={`weight.${i.id}`} type="number" min="1" max="100" step="1" value={props.weights[i.id] ?? ''} />
          </div>
        );
      })}
    </Section>
  );
}

/** The labels of a commitment's own fields, for the fields and the error summary. */
export const commitmentLabels = (t: Translate) => ({
  title: t('accountability.title_field'), indicator: t('accountability.indicator'), baseline: t('accountability.baseline'), target: t('accountability.target'),
  unit: t('accountability.unit'), deadline: t('accountability.deadline'), partners: t('accountability.partners'), items: t('accountability.items'),
});

type CommitmentFieldValues = { title: string; indicator: string; baseline: string; target: string; unit: string; deadline: string; partners: string; weights: Record<string, string> };

/** What a commitment says, as recorded and as revised: the texts in `lang` (its original language), figures, partners, items. */
export function CommitmentFields(props: { f: FormState; locale: string; labels: ReturnType<typeof commitmentLabels>; values: CommitmentFieldValues; lang: string; items: PlanItem[]; errors: Record<string, string> }) {
  const { f, labels, values: v } = props;
  const t = f.t;
  const dir = isRtl(props.lang) ? 'rtl' : 'ltr';
  return (
    <>
      <TextField f={f} name="title" label={labels.title} value={v.title} required maxlength={200} lang={props.lang} dir={dir} />
      <TextField f={f} name="indicator" label={labels.indicator} value={v.indicator} required maxlength={300} lang={props.lang} dir={dir} hint={t('accountability.indicator_hint')} />
      <TextField f={f} name="baseline" label={labels.baseline} value={v.baseline} required />
      <TextField f={f} name="target" label={labels.target} value={v.target} required />
      <TextField f={f} name="unit" label={labels.unit} value={v.unit} maxlength={40} hint={t('accountability.unit_hint')} />
      <TextField f={f} name="deadline" label={labels.deadline} value={v.deadline} required hint={t('accountability.date_hint')} />
      <TextArea f={f} name="partners" label={labels.partners} value={v.partners} rows={2} hint={t('accountability.partners_hint')} />
      <ItemWeights t={t} locale={props.locale} label={labels.items} items={props.items} weights={v.weights} errors={props.errors} />
    </>
  );
}

export type CommitmentFormValues = {
  organisationId: string; originalLanguage: string; title: string; indicator: string; baseline: string; target: string; unit: string;
  deadline: string; partners: string; weights: Record<string, string>;
};

/** A new commitment: who commits, the indicator, and a weight for each action-plan item it serves (blank: not served). */
export function CommitmentForm(props: Common & { values: CommitmentFormValues; organisations: Organisation[]; items: PlanItem[] }) {
  const { t, locale, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const labels = { organisationId: t('accountability.organisation'), originalLanguage: t('accountability.language'), ...commitmentLabels(t) };
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <Select f={f} name="organisationId" label={labels.organisationId!} value={v.organisationId} required
        options={props.organisations.map((o) => ({ value: o.id, label: `${o.name} (${t(`sector.${o.sector}`)})` }))} />
      <Select f={f} name="originalLanguage" label={labels.originalLanguage!} value={v.originalLanguage} required options={languageOptions(locale, [v.originalLanguage])} />
      <CommitmentFields f={f} locale={locale} labels={labels} values={v} lang={v.originalLanguage} items={props.items} errors={props.errors} />
      <button type="submit">{t('accountability.save_commitment')}</button>
    </form>
  );
}

/** `documentName`: the file chosen when the form was sent, named again after a refusal (browsers do not keep it). */
export type ProgressFormValues = { reportedOn: string; value: string; note: string; evidenceUrl: string; practice: string; documentName?: string };

/** A progress update with its evidence; multipart, for the optional document. */
export function ProgressForm(props: Common & { values: ProgressFormValues; unit: string }) {
  const { t, locale, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const labels: Record<string, string> = {
    reportedOn: t('accountability.date'), value: t('accountability.value'), note: t('accountability.note'), evidenceUrl: t('accountability.evidence_url'),
    evidencePracticeId: t('accountability.evidence_practice_field'), practice: t('accountability.evidence_practice_field'), document: t('accountability.document'),
  };
  return (
    <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
      <CsrfField token={props.csrfToken} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <TextField f={f} name="reportedOn" label={labels.reportedOn!} value={v.reportedOn} required hint={t('accountability.date_hint')} />
      <TextField f={f} name="value" label={labels.value!} value={v.value} required hint={props.unit ? t('accountability.value_hint', { unit: props.unit }) : undefined} />
      <TextArea f={f} name="note" label={labels.note!} value={v.note} rows={3} maxlength={1000} />
      <TextField f={f} name="evidenceUrl" label={labels.evidenceUrl!} value={v.evidenceUrl} maxlength={2048} hint={t('accountability.evidence_url_hint')} />
      <TextField f={{ t, errors: { practice: props.errors.evidencePracticeId ?? '' } }} name="practice" label={labels.practice!} value={v.practice} hint={t('accountability.practice_hint')} />
      {v.documentName && !props.errors.document && <p class="notice">{t('accountability.document_again', { name: v.documentName })}</p>}
      <FileField f={f} name="document" label={labels.document!} hint={t('accountability.document_hint', { max: formatNumber(MAX_DOCUMENT_BYTES / 1024 / 1024, locale) })}
        accept="application/pdf,image/png,image/jpeg,image/webp,.pdf,.png,.jpg,.jpeg,.webp" />
      <button type="submit">{t('accountability.save_progress')}</button>
    </form>
  );
}

export type StoryFormValues = { hubId: string; lang: string; title: string; text: string; itemIds: string[]; practices: string };

/** A hub's story; multipart, for the optional recording. */
export function StoryForm(props: Common & { values: StoryFormValues; hubs: { id: string; name: string }[]; items: ItemView[] }) {
  const { t, locale, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const dir = isRtl(v.lang) ? 'rtl' : 'ltr';
  const labels: Record<string, string> = {
    hubId: t('story.hub'), lang: t('story.language'), title: t('story.title_field'), text: t('story.text'), itemIds: t('story.items'),
    practiceIds: t('story.practices'), practices: t('story.practices'), audio: t('story.audio'),
  };
  const chosen = new Set(v.itemIds);
  return (
    <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
      <CsrfField token={props.csrfToken} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      <Select f={f} name="hubId" label={labels.hubId!} value={v.hubId} required options={props.hubs.map((h) => ({ value: h.id, label: h.name }))} />
      <Select f={f} name="lang" label={labels.lang!} value={v.lang} required options={languageOptions(locale, [v.lang])} />
      <TextField f={f} name="title" label={labels.title!} value={v.title} required maxlength={150} lang={v.lang} dir={dir} />
      <TextArea f={f} name="text" label={labels.text!} value={v.text} required rows={6} maxlength={2000} lang={v.lang} dir={dir} hint={t('story.text_hint')} />
      {props.items.length > 0 && (
        <fieldset class="field" id="f-itemIds">
          <legend>{labels.itemIds}</legend>
          {props.errors.itemIds && <p class="error">{t(props.errors.itemIds)}</p>}
          <div class="checks">
            {props.items.map((i) => { const l = itemLabel(i, locale); return <label><input type="checkbox" name="itemIds" value={i.id} checked={chosen.has(i.id)} /> <bdi lang={l.lang} dir={l.dir}>{l.label}</bdi></label>; })}
          </div>
        </fieldset>
      )}
      <TextArea f={{ t, errors: { practices: props.errors.practiceIds ?? '' } }} name="practices" label={labels.practices!} value={v.practices} rows={2} hint={t('accountability.practice_hint')} />
      <div class="field">
        <label for="f-audio">{labels.audio}</label>
        <p class="hint" id="f-audio-hint">{t('story.audio_hint', { max: formatNumber(MAX_AUDIO_BYTES / 1024 / 1024, locale) })}</p>
        {props.errors.audio && <p class="error" id="f-audio-err">{t(props.errors.audio.split(':')[0]!, { max: props.errors.audio.split(':')[1] ?? '' })}</p>}
        <input id="f-audio" type="file" name="audio" accept="audio/ogg,audio/mpeg,audio/wav,.ogg,.opus,.mp3,.wav" aria-describedby={props.errors.audio ? 'f-audio-hint f-audio-err' : 'f-audio-hint'} aria-invalid={props.errors.audio ? 'true' : undefined} />
      </div>
      <button type="submit">{t('story.save')}</button>
    </form>
  );
}
