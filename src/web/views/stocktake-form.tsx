import type { StocktakeOrganisation } from '../../domain/stocktake/stocktake.js';
import { STOCKTAKE_STATUSES } from '../../domain/stocktake/stocktake.js';
import { isRtl } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { Checkboxes, CsrfField, ErrorSummary, RequiredNote, Section, Select, TextArea, TextField, type FormState } from './forms.js';
import { countryOptions, languageOptions, sdgOptions, targetGroupOptions, themeOptions, wsisOptions } from './labels.js';
import { MultiSelect } from './practice-form.js';

/** What the form shows: as typed, lists as chosen, areas and partners one per line. */
export type ActivityFormValues = {
  organisationId: string; originalLanguage: string; title: string; description: string; communities: string;
  countries: string[]; adminAreas: string; targetGroups: string[]; themes: string[]; sdgs: string[]; wsis: string[];
  budgetAmount: string; budgetCurrency: string; startsOn: string; endsOn: string; partners: string; status: string;
};

type Props = {
  t: Translate; locale: string; csrfToken: string; action: string; values: ActivityFormValues; errors: Record<string, string>;
  organisations: StocktakeOrganisation[]; isEdit: boolean;
};

/** Recording or editing one activity; every field also works without JavaScript. */
export function ActivityForm(props: Props) {
  const { t, locale, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const dir = isRtl(v.originalLanguage) ? 'rtl' : 'ltr';
  const labels: Record<string, string> = {
    organisationId: t('stocktake.organisation'), originalLanguage: t('stocktake.language'), title: t('stocktake.title_field'), description: t('stocktake.description'),
    communities: t('stocktake.communities'), countries: t('stocktake.countries'), adminAreas: t('stocktake.areas'), targetGroups: t('stocktake.target_groups'),
    themes: t('stocktake.themes'), sdgs: t('stocktake.sdgs'), wsis: t('stocktake.wsis'), budgetAmount: t('stocktake.budget_amount'), budgetCurrency: t('stocktake.budget_currency'),
    startsOn: t('stocktake.starts_on'), endsOn: t('stocktake.ends_on'), partners: t('stocktake.partners'), status: t('stocktake.status_label'), hubIds: t('stocktake.hubs'),
  };
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labels} />
      {!props.isEdit && (
        <Select f={f} name="organisationId" label={labels.organisationId!} value={v.organisationId} required
          options={props.organisations.map((o) => ({ value: o.id, label: `${o.name} (${t(`sector.${o.sector}`)})` }))} />
      )}
      <Section title={t('stocktake.about')}>
        <Select f={f} name="originalLanguage" label={labels.originalLanguage!} value={v.originalLanguage} options={languageOptions(locale, [v.originalLanguage])} required />
        <TextField f={f} name="title" label={labels.title!} value={v.title} required maxlength={200} lang={v.originalLanguage} dir={dir} />
        <TextArea f={f} name="description" label={labels.description!} value={v.description} maxlength={4000} rows={5} lang={v.originalLanguage} dir={dir} />
        <Select f={f} name="status" label={labels.status!} value={v.status} required options={STOCKTAKE_STATUSES.map((s) => ({ value: s, label: t(`stocktake.status.${s}`) }))} />
        <TextField f={f} name="startsOn" label={labels.startsOn!} value={v.startsOn} hint={t('stocktake.day_hint')} dir="ltr" />
        <TextField f={f} name="endsOn" label={labels.endsOn!} value={v.endsOn} hint={t('stocktake.day_hint')} dir="ltr" />
      </Section>
      <Section title={t('stocktake.where_who')}>
        <MultiSelect f={f} name="countries" label={labels.countries!} values={v.countries} options={countryOptions(locale)} required hint={t('form.multi_hint')} />
        <TextArea f={f} name="adminAreas" label={labels.adminAreas!} value={v.adminAreas} hint={t('stocktake.areas_hint')} rows={3} />
        <TextArea f={f} name="communities" label={labels.communities!} value={v.communities} maxlength={1000} rows={2} lang={v.originalLanguage} dir={dir} />
        <Checkboxes f={f} name="targetGroups" legend={labels.targetGroups!} values={v.targetGroups} options={targetGroupOptions(t)} />
      </Section>
      <Section title={t('stocktake.what')}>
        <Checkboxes f={f} name="themes" legend={labels.themes!} values={v.themes} options={themeOptions(t)} required />
        <Checkboxes f={f} name="sdgs" legend={labels.sdgs!} values={v.sdgs} options={sdgOptions(t)} />
        <Checkboxes f={f} name="wsis" legend={labels.wsis!} values={v.wsis} options={wsisOptions(t)} />
      </Section>
      <Section title={t('stocktake.means')}>
        <TextField f={f} name="budgetAmount" label={labels.budgetAmount!} value={v.budgetAmount} hint={t('stocktake.amount_hint')} dir="ltr" />
        <TextField f={f} name="budgetCurrency" label={labels.budgetCurrency!} value={v.budgetCurrency} hint={t('stocktake.currency_hint')} maxlength={3} dir="ltr" />
        <TextArea f={f} name="partners" label={labels.partners!} value={v.partners} hint={t('stocktake.partners_hint')} rows={3} />
      </Section>
      <button type="submit">{props.isEdit ? t('stocktake.save') : t('stocktake.record')}</button>
    </form>
  );
}
