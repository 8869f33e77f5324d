import type { FieldErrors } from '../../domain/errors.js';
import { nextPhase } from '../../domain/process/phases.js';
import type { Process } from '../../domain/process/process.js';
import type { Translate } from '../i18n/i18n.js';
import { pickText } from './content.js';
import { CsrfField, ErrorSummary, RequiredNote, Select, TextArea } from './forms.js';

export type PhaseChangeValues = { toPhaseId?: string; note?: string };

/**
 * Moving the process to another phase (admins): every phase but the active one, the next one chosen by
 * default. Refusals come back on the page: field errors in the summary, a conflict as `message`.
 */
export function PhaseChangeForm(props: { t: Translate; locale: string; csrfToken: string; process: Process; values: PhaseChangeValues; errors: FieldErrors; message?: string }) {
  const { t, locale, process: p } = props;
  const f = { t, errors: props.errors };
  const options = p.phases
    .filter((ph) => ph.id !== p.activePhaseId)
    .map((ph) => ({ value: ph.id, label: `${ph.position}. ${pickText(ph.texts, locale, p.originalLanguage).text.title}` }));
  if (options.length === 0) return null;
  const chosen = props.values.toPhaseId ?? nextPhase(p.phases, p.activePhaseId)?.id ?? options[0]!.value;
  return (
    <section aria-labelledby="change-phase">
      <h2 id="change-phase">{t('process.change_title')}</h2>
      <p class="hint">{t('process.change_hint')}</p>
      {props.message && <p class="errors" role="alert">{props.message}</p>}
      <form method="post" action={`/processes/${p.id}/phase`} novalidate>
        <CsrfField token={props.csrfToken} />
        <ErrorSummary f={f} labels={{ toPhaseId: t('process.change_to'), note: t('process.change_note') }} />
        <RequiredNote t={t} />
        <Select f={f} name="toPhaseId" label={t('process.change_to')} value={chosen} options={options} required />
        <TextArea f={f} name="note" label={t('process.change_note')} value={props.values.note} rows={2} maxlength={1000} />
        <button type="submit">{t('process.change_submit')}</button>
      </form>
    </section>
  );
}
