import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../domain/errors.js';
import { translateFieldError, type Translate } from '../i18n/i18n.js';
import { CSRF_FIELD } from '../middleware/csrf.js';

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

/** The context a form's fields share: translator, submitted values and server-side errors. */
export type FormState = { t: Translate; errors: FieldErrors };

function errorOf(f: FormState, name: string) {
  const code = f.errors[name];
  return code ? translateFieldError(f.t, code) : undefined;
}

const idOf = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Errors listed at the top of a form that failed, each linking to its field. */
export function ErrorSummary(props: { f: FormState; labels: Record<string, string> }) {
  const entries = Object.entries(props.f.errors);
  if (entries.length === 0) return null;
  return (
    <div class="errors" role="alert" tabindex={-1} id="errors">
      <p>{props.f.t('form.has_errors', { count: entries.length })}</p>
      <ul>
        {entries.map(([name, code]) => (
          <li><a href={`#${idOf(name)}`}>{`${props.labels[name] ?? props.labels[name.split('.')[0]!] ?? name}: ${translateFieldError(props.f.t, code)}`}</a></li>
        ))}
      </ul>
    </div>
  );
}

type InputProps = {
  f: FormState; name: string; label: string; value?: string | number | null; hint?: string;
  type?: 'text' | 'email' | 'password' | 'number'; required?: boolean; maxlength?: number; autocomplete?: string; lang?: string;
  step?: string; dir?: string;
};

export function TextField(p: InputProps) {
  const id = idOf(p.name);
  const err = errorOf(p.f, p.name);
  const describedBy = [p.hint && `${id}-hint`, err && `${id}-err`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{p.label}{p.required && <span aria-hidden="true"> *</span>}</label>
      {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      {err && <p class="error" id={`${id}-err`}>{err}</p>}
      <input
        id={id} name={p.name} type={p.type ?? 'text'} value={p.value ?? ''} required={p.required} maxlength={p.maxlength}
        autocomplete={p.autocomplete} aria-invalid={err ? 'true' : undefined} aria-describedby={describedBy} lang={p.lang} step={p.step} dir={p.dir}
      />
    </div>
  );
}

export function TextArea(p: Omit<InputProps, 'type' | 'autocomplete'> & { rows?: number }) {
  const id = idOf(p.name);
  const err = errorOf(p.f, p.name);
  const describedBy = [p.hint && `${id}-hint`, err && `${id}-err`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{p.label}{p.required && <span aria-hidden="true"> *</span>}</label>
      {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      {err && <p class="error" id={`${id}-err`}>{err}</p>}
      <textarea id={id} name={p.name} rows={p.rows ?? 4} required={p.required} maxlength={p.maxlength} aria-invalid={err ? 'true' : undefined} aria-describedby={describedBy} lang={p.lang} dir={p.dir}>
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

export function Select(p: { f: FormState; name: string; label: string; value?: string | null; options: { value: string; label: string }[]; required?: boolean; empty?: string; hint?: string }) {
  const id = idOf(p.name);
  const err = errorOf(p.f, p.name);
  return (
    <div class="field">
      <label for={id}>{p.label}{p.required && <span aria-hidden="true"> *</span>}</label>
      {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      {err && <p class="error" id={`${id}-err`}>{err}</p>}
      <select id={id} name={p.name} required={p.required} aria-invalid={err ? 'true' : undefined} aria-describedby={[p.hint && `${id}-hint`, err && `${id}-err`].filter(Boolean).join(' ') || undefined}>
        {p.empty !== undefined && <option value="">{p.empty}</option>}
        {p.options.map((o) => <option value={o.value} selected={o.value === p.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** A group of checkboxes sharing one name; the fieldset's legend labels the group. */
export function Checkboxes(p: { f: FormState; name: string; legend: string; values: readonly (string | number)[]; options: { value: string; label: string }[]; required?: boolean; hint?: string }) {
  const id = idOf(p.name);
  const err = errorOf(p.f, p.name) ?? Object.entries(p.f.errors).find(([k]) => k.startsWith(`${p.name}.`))?.[1];
  const message = err && (err.startsWith('validation.') ? translateFieldError(p.f.t, err) : err);
  const chosen = new Set(p.values.map(String));
  return (
    <fieldset class="field" id={id} aria-describedby={[p.hint && `${id}-hint`, message && `${id}-err`].filter(Boolean).join(' ') || undefined}>
      {/* A group of checkboxes cannot carry `required`, so the legend says it in words to screen readers. */}
      <legend>{p.legend}{p.required && <><span aria-hidden="true"> *</span><span class="visually-hidden"> ({p.f.t('form.required')})</span></>}</legend>
      {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      {message && <p class="error" id={`${id}-err`}>{message}</p>}
      <div class="checks">
        {p.options.map((o) => (
          <label><input type="checkbox" name={p.name} value={o.value} checked={chosen.has(o.value)} /> {o.label}</label>
        ))}
      </div>
    </fieldset>
  );
}

/** Says what the asterisk after a label means (WCAG 3.3.2); goes at the top of every form that uses one. */
export function RequiredNote(props: { t: Translate }) {
  return <p class="hint">{props.t('form.required_note')}</p>;
}

export function Section(props: { title: string; children: Child }) {
  return <fieldset><legend>{props.title}</legend>{props.children}</fieldset>;
}

/**
 * A file input with the size limit in its hint (read out with the field). `name` defaults to "file" (the one
 * file of an upload form); with `f`, the field's error is shown at it. A browser never sends a file back, so a
 * form re-shown after an error asks for it again.
 */
export function FileField(p: { label: string; hint: string; accept: string; name?: string; f?: FormState }) {
  const name = p.name ?? 'file';
  const id = idOf(name);
  const err = p.f && errorOf(p.f, name);
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <p class="hint" id={`${id}-hint`}>{p.hint}</p>
      {err && <p class="error" id={`${id}-err`}>{err}</p>}
      <input id={id} type="file" name={name} accept={p.accept} aria-describedby={err ? `${id}-hint ${id}-err` : `${id}-hint`} aria-invalid={err ? 'true' : undefined} />
    </div>
  );
}
