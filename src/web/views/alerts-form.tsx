import { MAX_SMS_CHARS } from '../../domain/alerts/alerts.js';
import type { SegmentCount } from '../../domain/sms/segments.js';
import { isRtl } from '../../domain/taxonomy/index.js';
import { MAX_TEXT_SLOTS, type AlertFormValues, type TextSlot } from '../forms/alert-form.js';
import { translateFieldError, type Translate } from '../i18n/i18n.js';
import { categoryOptions, certaintyOptions, severityOptions, urgencyOptions } from './alerts-labels.js';
import { CsrfField, ErrorSummary, RequiredNote, Section, Select, TextArea, TextField, type FormState } from './forms.js';
import { languageOptions } from './labels.js';

/**
 * What the Preview button adds under each SMS text: its encoding and segments, and — when the audience
 * could be counted — how many subscribers read it. `audience` is null when it could not be counted.
 */
export type SmsPreview = SegmentCount & { readers: number | null };
export type AudienceEstimate =
  | { kind: 'match'; recipients: number; messages: number; cost: { amount: number; currency: string } | null }
  | { kind: 'same'; recipients: number };
export type AlertPreview = { sms: SmsPreview[]; audience: AudienceEstimate | null; area: string | null };

type Props = {
  t: Translate;
  locale: string;
  csrfToken: string;
  action: string;
  values: AlertFormValues;
  errors: Record<string, string>;
  preview?: AlertPreview;
  submitLabel: string;
};

function DateTimeField(p: { f: FormState; name: 'effectiveAt' | 'expiresAt'; label: string; value: string }) {
  const id = `f-${p.name}`;
  const code = p.f.errors[p.name];
  const err = code && translateFieldError(p.f.t, code);
  return (
    <div class="field">
      <label for={id}>{p.label}<span aria-hidden="true"> *</span></label>
      {err && <p class="error" id={`${id}-err`}>{err}</p>}
      <input id={id} name={p.name} type="datetime-local" value={p.value} required aria-invalid={err ? 'true' : undefined} aria-describedby={['f-when-hint', err && `${id}-err`].filter(Boolean).join(' ')} />
    </div>
  );
}

function SmsMeasure(props: { t: Translate; id: string; m: SmsPreview }) {
  const { t, m } = props;
  return (
    <div class="sms-preview" id={props.id}>
      <p>
        <strong>{t(`alerts.encoding.${m.encoding}`)}</strong>{' · '}
        {t('alerts.sms_units', { count: m.units, max: MAX_SMS_CHARS })}{' · '}
        <strong>{t('alerts.sms_segments', { count: m.segments })}</strong>
      </p>
      {m.readers !== null && <p>{t('alerts.sms_cost', { readers: m.readers, segments: m.segments, messages: m.readers * m.segments })}</p>}
    </div>
  );
}

function TextSlotFields(props: { t: Translate; locale: string; f: FormState; slot: TextSlot; i: number; preview?: SmsPreview }) {
  const { t, f, slot, i } = props;
  const name = (k: string) => `text.${i}.${k}`;
  const lang = slot.lang || undefined;
  const dir = slot.lang ? (isRtl(slot.lang) ? 'rtl' : 'ltr') : undefined;
  return (
    <Section title={i === 0 ? t('alerts.texts_original') : t('alerts.texts_translation', { n: i })}>
      {i > 0 && <Select f={f} name={name('lang')} label={t('alerts.text_language')} value={slot.lang} options={languageOptions(props.locale, slot.lang ? [slot.lang] : [])} empty={t('form.choose')} />}
      <TextField f={f} name={name('headline')} label={t('alerts.headline')} value={slot.headline} required maxlength={160} lang={lang} dir={dir} />
      <TextArea f={f} name={name('description')} label={t('alerts.description')} value={slot.description} required rows={3} maxlength={4000} lang={lang} dir={dir} />
      <TextArea f={f} name={name('instruction')} label={t('alerts.instruction')} value={slot.instruction} rows={2} maxlength={2000} lang={lang} dir={dir} />
      <TextArea f={f} name={name('sms')} label={t('alerts.sms')} value={slot.sms} required rows={3} hint={t('alerts.sms_hint', { max: MAX_SMS_CHARS })} lang={lang} dir={dir} />
      {props.preview && <SmsMeasure t={t} id={`f-text-${i}-sms-preview`} m={props.preview} />}
    </Section>
  );
}

function Audience(props: { t: Translate; audience: AudienceEstimate | null }) {
  const { t, audience } = props;
  if (!audience) return <p>{t('alerts.audience_unknown')}</p>;
  if (audience.kind === 'same') return <p>{t('alerts.audience_same', { count: audience.recipients })}</p>;
  return (
    <>
      <p>{t('alerts.audience', { count: audience.recipients })}</p>
      {audience.recipients > 0 && <p>{t('alerts.audience_messages', { count: audience.messages })}</p>}
      <p>{audience.cost ? t('alerts.cost', { amount: audience.cost.amount, currency: audience.cost.currency }) : t('alerts.cost_rule')}</p>
    </>
  );
}

/** The alert form: new alert, or an Update of an approved one (prefilled). Works without JavaScript. */
export function AlertForm(props: Props) {
  const { t, locale, values, preview } = props;
  const f: FormState = { t, errors: props.errors };
  const areaError = props.errors.area && translateFieldError(t, props.errors.area);
  const labels: Record<string, string> = {
    category: t('alerts.category_label'), severity: t('alerts.severity_label'), urgency: t('alerts.urgency_label'), certainty: t('alerts.certainty_label'),
    area: t('alerts.area'), countries: t('alerts.countries'), adminAreas: t('alerts.admin_areas'), hubs: t('alerts.hubs'),
    effectiveAt: t('alerts.effective'), expiresAt: t('alerts.expires'), originalLanguage: t('alerts.original_language'),
    ...Object.fromEntries(values.texts.flatMap((_, i) => [
      [`text.${i}.lang`, t('alerts.text_language')], [`text.${i}.headline`, t('alerts.headline')], [`text.${i}.description`, t('alerts.description')],
      [`text.${i}.instruction`, t('alerts.instruction')], [`text.${i}.sms`, t('alerts.sms')],
    ])),
  };
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <ErrorSummary f={f} labels={labels} />
      <RequiredNote t={t} />
      <p class="hint">{t('alerts.form_intro')}</p>
      <Section title={t('alerts.what')}>
        <Select f={f} name="category" label={labels.category!} value={values.category} options={categoryOptions(t)} required empty={t('form.choose')} />
        <Select f={f} name="severity" label={labels.severity!} value={values.severity} options={severityOptions(t)} required empty={t('form.choose')} hint={t('alerts.severity_hint')} />
        <Select f={f} name="urgency" label={labels.urgency!} value={values.urgency} options={urgencyOptions(t)} required empty={t('form.choose')} hint={t('alerts.urgency_hint')} />
        <Select f={f} name="certainty" label={labels.certainty!} value={values.certainty} options={certaintyOptions(t)} required empty={t('form.choose')} hint={t('alerts.certainty_hint')} />
      </Section>
      <fieldset id="f-area" aria-describedby={['f-area-hint', areaError && 'f-area-err'].filter(Boolean).join(' ')}>
        <legend>{labels.area}<span aria-hidden="true"> *</span><span class="visually-hidden"> ({t('form.required')})</span></legend>
        <p class="hint" id="f-area-hint">{t('alerts.area_hint')}</p>
        {areaError && <p class="error" id="f-area-err">{areaError}</p>}
        <TextField f={f} name="countries" label={labels.countries!} value={values.countries} hint={t('alerts.countries_hint')} maxlength={2000} />
        <TextField f={f} name="adminAreas" label={labels.adminAreas!} value={values.adminAreas} hint={t('alerts.admin_areas_hint')} maxlength={4000} dir="ltr" />
        <TextField f={f} name="hubs" label={labels.hubs!} value={values.hubs} hint={t('alerts.hubs_hint')} maxlength={4000} />
        {preview?.area && <p class="notice">{t('alerts.area_preview', { area: preview.area })}</p>}
      </fieldset>
      <Section title={t('alerts.when')}>
        <p class="hint" id="f-when-hint">{t('alerts.when_hint')}</p>
        <DateTimeField f={f} name="effectiveAt" label={labels.effectiveAt!} value={values.effectiveAt} />
        <DateTimeField f={f} name="expiresAt" label={labels.expiresAt!} value={values.expiresAt} />
      </Section>
      <Select f={f} name="originalLanguage" label={labels.originalLanguage!} value={values.originalLanguage} options={languageOptions(locale, values.originalLanguage ? [values.originalLanguage] : [])} required hint={t('alerts.original_language_hint')} />
      {values.texts.map((slot, i) => <TextSlotFields t={t} locale={locale} f={f} slot={slot} i={i} preview={preview?.sms[i]} />)}
      {preview && (
        <section class="notice" aria-labelledby="f-cost">
          <h2 id="f-cost">{t('alerts.cost_title')}</h2>
          <Audience t={t} audience={preview.audience} />
        </section>
      )}
      <div class="actions">
        <button type="submit" name="action" value="preview" class="secondary">{t('alerts.preview')}</button>
        {values.texts.length < MAX_TEXT_SLOTS && <button type="submit" name="action" value="add_language" class="secondary">{t('alerts.add_language')}</button>}
        <button type="submit" name="action" value="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}
