import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canManageProcesses } from '../../../domain/accounts/permissions.js';
import { DomainError, forbidden, type FieldErrors } from '../../../domain/errors.js';
import { MAX_PHASES } from '../../../domain/process/process.js';
import { createProcess } from '../../../domain/process/process.service.js';
import { list, str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { emptyPhase, NewProcessForm, type NewProcessValues, type PhaseRow } from '../../views/process-new-form.js';
import { signInFirst } from './alerts-shared.js';
import { render, seeOther } from './page.js';

const BLANK_ROWS = 3;

/** Every phase row the form sent, blank ones included (a text field is always sent, even empty). */
function rowsOf(body: FormBody): PhaseRow[] {
  const rows: PhaseRow[] = [];
  for (let i = 0; i < MAX_PHASES && `phases.${i}.title` in body; i++) {
    const at = (k: string) => str(body, `phases.${i}.${k}`);
    rows.push({ title: at('title'), description: at('description'), startsOn: at('startsOn'), endsOn: at('endsOn'), activities: list(body, `phases.${i}.activities`) });
  }
  return rows;
}

function valuesOf(body: FormBody): NewProcessValues {
  const phases = rowsOf(body);
  return { originalLanguage: str(body, 'originalLanguage'), title: str(body, 'title'), description: str(body, 'description'), activePhase: str(body, 'activePhase'), phases };
}

const isBlank = (r: PhaseRow) => [r.title, r.description, r.startsOn, r.endsOn].every((s) => s.trim() === '') && r.activities.length === 0;

/**
 * The service's input from the form: blank rows dropped, every text in the original language, and the active
 * phase as its position among the rows kept (0 — refused — if the chosen row was blank). `rowOf` maps a phase's
 * index in the input back to its row in the form.
 */
function inputOf(v: NewProcessValues) {
  const kept = v.phases.flatMap((row, i) => (isBlank(row) ? [] : [{ row, i }]));
  const lang = v.originalLanguage;
  const chosen = kept.findIndex((k) => String(k.i + 1) === v.activePhase) + 1;
  return {
    rowOf: kept.map((k) => k.i),
    input: {
      originalLanguage: lang,
      texts: { [lang]: { title: v.title, description: v.description } },
      phases: kept.map(({ row }) => ({ startsOn: row.startsOn, endsOn: row.endsOn, activities: row.activities, texts: { [lang]: { title: row.title, description: row.description } } })),
      activePhase: kept.length === 0 ? 1 : chosen,
    },
  };
}

/**
 * The schema's errors under the form's names: 'texts.fr.title' → title, 'phases.1.texts.fr.title' →
 * 'phases.<row>.title', 'phases.0.activities.2' → 'phases.<row>.activities'. A text keyed by a bad language is
 * left to the language field's own error.
 */
function formErrors(fields: FieldErrors, rowOf: number[]): FieldErrors {
  const out: FieldErrors = {};
  const textField = (field: string | undefined, key: string) => field ?? (key === 'validation.original_text_required' ? 'title' : null);
  for (const [path, key] of Object.entries(fields)) {
    const [head, second, third, , fifth] = path.split('.');
    let name: string | null = head!;
    if (head === 'texts') name = textField(third, key);
    else if (head === 'phases' && second !== undefined) {
      const field = third === 'texts' ? textField(fifth, key) : third;
      name = field ? `phases.${rowOf[Number(second)] ?? second}.${field}` : null;
    }
    if (name) out[name] ??= key;
  }
  return out;
}

/** At least the blank rows a new form has, so a form sent without rows still offers some. */
const padded = (rows: PhaseRow[]) => [...rows, ...Array.from({ length: Math.max(0, BLANK_ROWS - rows.length) }, emptyPhase)];

function showForm(c: Context<WebEnv>, values: NewProcessValues, errors: FieldErrors = {}, status: ContentfulStatusCode = 200) {
  if (!canManageProcesses(c.get('actor'))) throw forbidden('process.admins_only');
  const t = c.get('t');
  return render(c, t('process.new_title'), (
    <>
      <p><a href="/processes">{t('process.back')}</a></p>
      <h1>{t('process.new_title')}</h1>
      <p>{t('process.new_intro')}</p>
      <NewProcessForm t={t} locale={c.get('locale')} csrfToken={c.get('csrfToken')} values={{ ...values, phases: padded(values.phases) }} errors={errors} />
    </>
  ), status);
}

const blank = (lang: string): NewProcessValues => ({
  originalLanguage: lang, title: '', description: '', activePhase: '1', phases: [],
});

/** Creating a process (admins): the form, "add a phase" (the same form with one more row) and saving. */
export const processNewRoutes = new Hono<WebEnv>()
  .use('/processes/new', signInFirst)
  .get('/processes/new', (c) => showForm(c, blank(c.get('locale'))))
  .post('/processes/new', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const values = valuesOf(body);
    if ('more' in body) return showForm(c, { ...values, phases: [...values.phases, emptyPhase()].slice(0, MAX_PHASES) });
    const { input, rowOf } = inputOf(values);
    try {
      const created = await createProcess(c.get('ctx'), c.get('actor'), input);
      return seeOther(c, `/processes/${created.id}`, 'created');
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'invalid') throw e;
      return showForm(c, values, formErrors(e.fields, rowOf), 422);
    }
  });
