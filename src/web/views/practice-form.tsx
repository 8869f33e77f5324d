import { LICENCES } from '../../domain/taxonomy/index.js';
import type { PracticeFormValues } from '../forms/practice-form.js';
import type { Translate } from '../i18n/i18n.js';
import { Checkboxes, CsrfField, ErrorSummary, RequiredNote, Section, Select, TextArea, TextField, type FormState } from './forms.js';
import {
  costBandOptions, countryOptions, languageOptions, sdgOptions, targetGroupOptions, technologyOptions, themeOptions, wsisOptions,
} from './labels.js';
import { isRtl } from '../../domain/taxonomy/index.js';

export type PracticeFormMode = { kind: 'new' } | { kind: 'edit'; id: string; version: number; lang: string } | { kind: 'translate'; id: string; version: number; lang: string; reference?: Record<string, string> };

type Props = {
  t: Translate; locale: string; csrfToken: string; mode: PracticeFormMode; values: PracticeFormValues;
  errors: Record<string, string>; hubOptions: { value: string; label: string }[];
};

export function MultiSelect(p: { f: FormState; name: string; label: string; values: readonly string[]; options: { value: string; label: string }[]; required?: boolean; hint: string }) {
  const id = `f-${p.name}`;
  const err = p.f.errors[p.name] ?? Object.entries(p.f.errors).find(([k]) => k.startsWith(`${p.name}.`))?.[1];
  return (
    <div class="field">
      <label for={id}>{p.label}{p.required && <span aria-hidden="true"> *</span>}</label>
      <p class="hint" id={`${id}-hint`}>{p.hint}</p>
      {err && <p class="error" id={`${id}-err`}>{p.f.t(err.split(':')[0]!, { max: err.split(':')[1] ?? '' })}</p>}
      <select id={id} name={p.name} multiple size={6} required={p.required} aria-invalid={err ? 'true' : undefined} aria-describedby={`${id}-hint${err ? ` ${id}-err` : ''}`}>
        {p.options.map((o) => <option value={o.value} selected={p.values.includes(o.value)}>{o.label}</option>)}
      </select>
    </div>
  );
}

function TextsSection(props: Props & { f: FormState; lang: string }) {
  const { t, values, f } = props;
  const x = values.text;
  const dir = isRtl(props.lang) ? 'rtl' : 'ltr';
  const ref = props.mode.kind === 'translate' ? props.mode.reference : undefined;
  const hint = (k: string) => (ref?.[k] ? t('translate.original_hint', { text: ref[k]!.slice(0, 200) }) : undefined);
  const blocks = [...x.approach, {}, {}];
  const results = [...x.results, {}];
  return (
    <Section title={t('form.texts')}>
      <TextField f={f} name="text.title" label={t('practice.title')} value={x.title} required maxlength={160} lang={props.lang} dir={dir} hint={hint('title')} />
      <TextArea f={f} name="text.summary" label={t('practice.summary')} value={x.summary} required maxlength={300} rows={3} lang={props.lang} dir={dir} hint={hint('summary') ?? t('form.summary_hint')} />
      <TextArea f={f} name="text.problem" label={t('practice.problem')} value={x.problem} maxlength={4000} lang={props.lang} dir={dir} />
      <TextArea f={f} name="text.context" label={t('practice.context')} value={x.context} maxlength={4000} lang={props.lang} dir={dir} />
      <fieldset>
        <legend>{t('practice.approach')}</legend>
        <p class="hint">{t('form.approach_hint')}</p>
        {blocks.map((b: Record<string, string>, i) => (
          <fieldset>
            <legend>{t('form.block', { n: i + 1 })}</legend>
            <TextField f={f} name={`text.approach.${i}.title`} label={t('form.block_title')} value={b.title} maxlength={160} lang={props.lang} dir={dir} />
            <TextArea f={f} name={`text.approach.${i}.description`} label={t('form.block_description')} value={b.description} maxlength={4000} rows={3} lang={props.lang} dir={dir} />
            <TextArea f={f} name={`text.approach.${i}.enablingFactors`} label={t('practice.enabling_factors')} value={b.enablingFactors} maxlength={2000} rows={2} lang={props.lang} dir={dir} />
          </fieldset>
        ))}
      </fieldset>
      <TextArea f={f} name="text.sustainabilityEconomic" label={t('practice.sustainability_economic')} value={x.sustainabilityEconomic} maxlength={2000} rows={2} lang={props.lang} dir={dir} />
      <TextArea f={f} name="text.sustainabilitySocial" label={t('practice.sustainability_social')} value={x.sustainabilitySocial} maxlength={2000} rows={2} lang={props.lang} dir={dir} />
      <TextArea f={f} name="text.sustainabilityCultural" label={t('practice.sustainability_cultural')} value={x.sustainabilityCultural} maxlength={2000} rows={2} lang={props.lang} dir={dir} />
      <fieldset>
        <legend>{t('practice.results')}</legend>
        {results.map((r: Record<string, string>, i) => (
          <fieldset>
            <legend>{t('form.result', { n: i + 1 })}</legend>
            <TextField f={f} name={`text.results.${i}.indicator`} label={t('practice.indicator')} value={r.indicator} maxlength={200} lang={props.lang} dir={dir} />
            <TextField f={f} name={`text.results.${i}.value`} label={t('practice.value')} value={r.value} maxlength={120} lang={props.lang} dir={dir} />
            <TextField f={f} name={`text.results.${i}.source`} label={t('practice.source')} value={r.source} maxlength={500} lang={props.lang} dir={dir} />
          </fieldset>
        ))}
      </fieldset>
      <TextArea f={f} name="text.lessons" label={t('practice.lessons')} value={x.lessons} maxlength={4000} lang={props.lang} dir={dir} />
    </Section>
  );
}

function FactsSection(props: Props & { f: FormState }) {
  const { t, locale, values, f } = props;
  const v = values.facts;
  return (
    <>
      <Section title={t('form.classification')}>
        <Checkboxes f={f} name="technologies" legend={t('practice.technologies')} values={v.technologies} options={technologyOptions(t)} required />
        <Checkboxes f={f} name="themes" legend={t('practice.themes')} values={v.themes} options={themeOptions(t)} required />
        <Checkboxes f={f} name="targetGroups" legend={t('practice.target_groups')} values={v.targetGroups} options={targetGroupOptions(t)} />
        <Checkboxes f={f} name="sdgs" legend={t('practice.sdgs')} values={v.sdgs} options={sdgOptions(t)} />
        <Checkboxes f={f} name="wsisActionLines" legend={t('practice.wsis')} values={v.wsisActionLines} options={wsisOptions(t)} />
        <MultiSelect f={f} name="countries" label={t('practice.countries')} values={v.countries} options={countryOptions(locale)} required hint={t('form.multi_hint')} />
        <MultiSelect f={f} name="languages" label={t('practice.languages')} values={v.languages} options={languageOptions(locale, v.languages)} hint={t('form.multi_hint')} />
        {props.hubOptions.length > 0 && <Checkboxes f={f} name="hubIds" legend={t('practice.hubs')} values={v.hubIds} options={props.hubOptions} />}
      </Section>
      <Section title={t('practice.costs')}>
        <TextField f={f} name="costs.setup" type="number" step="any" label={t('practice.cost_setup')} value={v.costs.setup} />
        <TextField f={f} name="costs.running" type="number" step="any" label={t('practice.cost_running')} value={v.costs.running} hint={t('form.running_hint')} />
        <TextField f={f} name="costs.currency" label={t('practice.currency')} value={v.costs.currency} maxlength={3} hint={t('form.currency_hint')} />
        <Select f={f} name="costs.band" label={t('practice.cost_band')} value={v.costs.band} options={costBandOptions(t)} empty={t('form.not_stated')} hint={t('form.band_hint')} />
        <Select f={f} name="licence" label={t('practice.licence')} value={v.licence ?? 'CC-BY-4.0'} options={LICENCES.map((l) => ({ value: l, label: l }))} />
      </Section>
    </>
  );
}

/** One form for creating, editing (facts + one language) and translating (one language only). */
export function PracticeForm(props: Props) {
  const { t, locale, mode } = props;
  const f: FormState = { t, errors: props.errors };
  const action = mode.kind === 'new' ? '/practices/new' : `/practices/${mode.id}/${mode.kind === 'edit' ? 'edit' : 'translate'}`;
  const lang = mode.kind === 'new' ? props.values.originalLanguage : mode.lang;
  const labels: Record<string, string> = {
    originalLanguage: t('practice.original_language'), lang: t('translate.language'), text: t('form.texts'), technologies: t('practice.technologies'),
    themes: t('practice.themes'), countries: t('practice.countries'), costs: t('practice.costs'), hubIds: t('practice.hubs'),
    languages: t('practice.languages'), sdgs: t('practice.sdgs'), targetGroups: t('practice.target_groups'), wsisActionLines: t('practice.wsis'),
    'text.title': t('practice.title'), 'text.summary': t('practice.summary'), expectedVersion: t('form.version'),
  };
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={props.csrfToken} />
      <ErrorSummary f={f} labels={labels} />
      <RequiredNote t={t} />
      {mode.kind !== 'new' && <input type="hidden" name="expectedVersion" value={String(mode.version)} />}
      {mode.kind === 'new' && (
        <Select f={f} name="originalLanguage" label={t('practice.original_language')} value={lang || locale} options={languageOptions(locale)} required />
      )}
      {mode.kind !== 'new' && <input type="hidden" name="lang" value={lang} />}
      <TextsSection {...props} f={f} lang={lang || locale} />
      {mode.kind !== 'translate' && <FactsSection {...props} f={f} />}
      <div class="actions"><button type="submit">{t(mode.kind === 'new' ? 'form.save_draft' : 'form.save')}</button></div>
    </form>
  );
}
