import { isRtl } from '../../domain/taxonomy/index.js';
import type { HubFormValues } from '../forms/hub-form.js';
import type { Translate } from '../i18n/i18n.js';
import { Checkboxes, CsrfField, ErrorSummary, RequiredNote, Section, Select, TextArea, TextField, type FormState } from './forms.js';
import {
  communityTypeOptions, countryOptions, electricityOptions, hubKindOptions, internetOptions, languageOptions, mobileOptions, themeOptions,
} from './labels.js';

type Props = { t: Translate; locale: string; csrfToken: string; action: string; values: HubFormValues; errors: Record<string, string>; mode: 'new' | 'edit' | 'translate'; lang?: string };

/** Creating a hub (profile + texts), editing its profile, or translating its name and description. */
export function HubForm(props: Props) {
  const { t, locale, values: v, mode } = props;
  const f: FormState = { t, errors: props.errors };
  const labels: Record<string, string> = {
    kind: t('hub.kind'), communityType: t('hub.community_type'), country: t('hub.country'), languages: t('hub.languages'), internet: t('hub.internet'),
    mobile: t('hub.mobile'), electricity: t('hub.electricity'), population: t('hub.population'), themes: t('hub.priorities'), contactEmail: t('hub.contact_email'),
    contactPhone: t('hub.contact_phone'), latitude: t('hub.latitude'), longitude: t('hub.longitude'), 'text.name': t('hub.name'), originalLanguage: t('practice.original_language'), lang: t('translate.language'),
  };
  const dir = props.lang ? (isRtl(props.lang) ? 'rtl' : 'ltr') : undefined;
  const texts = (
    <Section title={t('form.texts')}>
      <TextField f={f} name="text.name" label={t('hub.name')} value={v.text.name} required maxlength={120} lang={props.lang} dir={dir} />
      <TextArea f={f} name="text.description" label={t('hub.description')} value={v.text.description} maxlength={2000} lang={props.lang} dir={dir} />
    </Section>
  );
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <ErrorSummary f={f} labels={labels} />
      <RequiredNote t={t} />
      {mode === 'new' && <Select f={f} name="originalLanguage" label={t('practice.original_language')} value={v.originalLanguage || locale} options={languageOptions(locale)} required />}
      {mode === 'translate' && <input type="hidden" name="lang" value={props.lang} />}
      {mode !== 'edit' && texts}
      {mode !== 'translate' && (
        <>
          <Section title={t('hub.profile')}>
            <Select f={f} name="kind" label={t('hub.kind')} value={v.kind} options={hubKindOptions(t)} required empty={t('form.choose')} />
            <Select f={f} name="communityType" label={t('hub.community_type')} value={v.communityType} options={communityTypeOptions(t)} required empty={t('form.choose')} />
            <Select f={f} name="country" label={t('hub.country')} value={v.country} options={countryOptions(locale)} required empty={t('form.choose')} />
            <TextField f={f} name="adminArea" label={t('hub.admin_area')} value={v.adminArea} maxlength={120} />
            <TextField f={f} name="latitude" type="number" step="any" label={t('hub.latitude')} value={v.latitude} />
            <TextField f={f} name="longitude" type="number" step="any" label={t('hub.longitude')} value={v.longitude} />
            <TextField f={f} name="population" type="number" label={t('hub.population')} value={v.population} />
            <Checkboxes f={f} name="languages" legend={t('hub.languages')} values={v.languages} options={languageOptions(locale, v.languages).slice(0, 40)} required />
            <Checkboxes f={f} name="themes" legend={t('hub.priorities')} values={v.themes} options={themeOptions(t)} />
          </Section>
          <Section title={t('hub.channels')}>
            <Select f={f} name="internet" label={t('hub.internet')} value={v.internet} options={internetOptions(t)} required empty={t('form.choose')} />
            <Select f={f} name="mobile" label={t('hub.mobile')} value={v.mobile} options={mobileOptions(t)} required empty={t('form.choose')} />
            <Select f={f} name="hasSms" label={t('hub.sms')} value={v.hasSms ? 'yes' : 'no'} options={[{ value: 'yes', label: t('form.yes') }, { value: 'no', label: t('form.no') }]} />
            <TextField f={f} name="radioName" label={t('hub.radio_name')} value={v.radioName} maxlength={120} />
            <TextField f={f} name="radioFrequency" label={t('hub.radio_frequency')} value={v.radioFrequency} maxlength={40} />
            <Select f={f} name="electricity" label={t('hub.electricity')} value={v.electricity} options={electricityOptions(t)} required empty={t('form.choose')} />
          </Section>
          <Section title={t('hub.contact')}>
            <p class="hint">{t('hub.contact_hint')}</p>
            <TextField f={f} name="contactName" label={t('hub.contact_name')} value={v.contactName} maxlength={120} autocomplete="name" />
            <TextField f={f} name="contactEmail" type="email" label={t('hub.contact_email')} value={v.contactEmail} maxlength={254} autocomplete="email" />
            <TextField f={f} name="contactPhone" label={t('hub.contact_phone')} value={v.contactPhone} maxlength={32} hint={t('hub.phone_hint')} autocomplete="tel" />
          </Section>
        </>
      )}
      <div class="actions"><button type="submit">{t('form.save')}</button></div>
    </form>
  );
}
