import type { FieldErrors } from '../../domain/errors.js';
import { ACTIVITIES } from '../../domain/process/phases.js';
import { MAX_PHASES } from '../../domain/process/process.js';
import { isRtl } from '../../domain/taxonomy/index.js';
import { translateFieldError, type Translate } from '../i18n/i18n.js';
import { Checkboxes, CsrfField, ErrorSummary, RequiredNote, Section, Select, TextArea, TextField, type FormState } from './forms.js';
import { languageOptions } from './labels.js';

/** One phase row as typed; a row left entirely empty is ignored on save. */
export type PhaseRow = { title: string; description: string; startsOn: string; endsOn: string; activities: string[] };
/** `activePhase` is the number of the row (1 for the first) that starts active. */
export type NewProcessValues = { originalLanguage: string; title: string; description: string; activePhase: string; phases: PhaseRow[] };

export const emptyPhase = (): PhaseRow => ({ title: '', description: '', startsOn: '', endsOn: '', activities: [] });

const PHASE_FIELDS = ['title', 'description', 'startsOn', 'endsOn', 'activities'] as const;

function labelsOf(t: Translate, rows: number): Record<string, string> {
  const field: Record<(typeof PHASE_FIELDS)[number], string> = {
    title: t('process.title_field'), description: t('process.description_field'), startsOn: t('process.starts_on'), endsOn: t('process.ends_on'),
    activities: t('process.activities_field'),
  };
  const labels: Record<string, string> = {
    originalLanguage: t('process.language_field'), title: field.title, description: field.description, phases: t('process.phases_title'),
    activePhase: t('process.active_phase_field'),
  };
  for (let i = 0; i < rows; i++) for (const k of PHASE_FIELDS) labels[`phases.${i}.${k}`] = t('process.phase_field', { n: i + 1, field: field[k] });
  return labels;
}

/**
 * Creating a process without JavaScript: the process's texts, phase rows (title, description, dates, activities)
 * and which one starts active. "Add a phase" posts the form back with one more row and saves nothing.
 */
export function NewProcessForm(props: { t: Translate; locale: string; csrfToken: string; values: NewProcessValues; errors: FieldErrors }) {
  const { t, locale, values: v } = props;
  const f: FormState = { t, errors: props.errors };
  const lang = v.originalLanguage || locale;
  const dir = isRtl(lang) ? 'rtl' : 'ltr';
  const activities = ACTIVITIES.map((a) => ({ value: a, label: t(`process.activity.${a}`) }));
  const phasesError = props.errors.phases;
  return (
    <form method="post" action="/processes/new" novalidate>
      <CsrfField token={props.csrfToken} />
      <RequiredNote t={t} />
      <ErrorSummary f={f} labels={labelsOf(t, v.phases.length)} />
      <Section title={t('process.new_about')}>
        <Select f={f} name="originalLanguage" label={t('process.language_field')} value={lang} options={languageOptions(locale, [lang])} required />
        <TextField f={f} name="title" label={t('process.title_field')} value={v.title} required maxlength={200} lang={lang} dir={dir} />
        <TextArea f={f} name="description" label={t('process.description_field')} value={v.description} maxlength={4000} rows={3} lang={lang} dir={dir} />
      </Section>
      <section id="f-phases" aria-labelledby="phases-title">
        <h2 id="phases-title">{t('process.phases_title')}</h2>
        <p class="hint">{t('process.new_phases_hint')}</p>
        {phasesError && <p class="error">{translateFieldError(t, phasesError)}</p>}
        {v.phases.map((row, i) => (
          <Section title={t('process.phase_legend', { n: i + 1 })}>
            <TextField f={f} name={`phases.${i}.title`} label={t('process.title_field')} value={row.title} maxlength={200} lang={lang} dir={dir} />
            <TextArea f={f} name={`phases.${i}.description`} label={t('process.description_field')} value={row.description} maxlength={4000} rows={2} lang={lang} dir={dir} />
            <TextField f={f} name={`phases.${i}.startsOn`} label={t('process.starts_on')} value={row.startsOn} hint={t('process.day_hint')} dir="ltr" />
            <TextField f={f} name={`phases.${i}.endsOn`} label={t('process.ends_on')} value={row.endsOn} hint={t('process.ends_hint')} dir="ltr" />
            <Checkboxes f={f} name={`phases.${i}.activities`} legend={t('process.activities_field')} values={row.activities} options={activities} />
          </Section>
        ))}
      </section>
      <Select f={f} name="activePhase" label={t('process.active_phase_field')} value={v.activePhase} required
        options={v.phases.map((_, i) => ({ value: String(i + 1), label: t('process.phase_legend', { n: i + 1 }) }))} />
      {/* Saving comes first in the form, so that Enter in a field saves (the default button is the first one). */}
      <div class="actions">
        <button type="submit">{t('process.create')}</button>
        {v.phases.length < MAX_PHASES && (
          <button type="submit" name="more" value="1" class="secondary" aria-describedby="add-phase-hint">{t('process.add_phase')}</button>
        )}
      </div>
      {v.phases.length < MAX_PHASES && <p class="hint" id="add-phase-hint">{t('process.add_phase_hint')}</p>}
    </form>
  );
}
