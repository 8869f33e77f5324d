import { isRtl } from '../../domain/taxonomy/index.js';
import type { FieldChange } from '../../domain/practices/practices.js';
import type { Translate } from '../i18n/i18n.js';

const LIMIT = 280;

/** A stored value as short readable text: lists joined, blocks by their titles, long text cut. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v ? Object.values(v as Record<string, unknown>).filter(Boolean).join(' / ') : String(v))).join('; ') || '—';
  }
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${String(v)}`).join(', ') || '—';
  const text = String(value);
  return text.length > LIMIT ? `${text.slice(0, LIMIT)}…` : text;
}

/** What one saved version changed: each field with its old and new value, folded so the table stays short. */
export function ChangeList(props: { t: Translate; changes: FieldChange[] }) {
  const { t, changes } = props;
  const label = (ch: FieldChange) => `${t(`field.${ch.field}`)}${ch.lang ? ` [${ch.lang}]` : ''}`;
  const shown = changes.filter((ch) => ch.field !== 'created' && ch.field !== 'imported');
  if (shown.length === 0) return <>{changes.map(label).join(', ')}</>;
  return (
    <details>
      <summary>{shown.map(label).join(', ')}</summary>
      <dl>
        {shown.map((ch) => (
          <>
            <dt>{label(ch)}</dt>
            <dd lang={ch.lang} dir={ch.lang ? (isRtl(ch.lang) ? 'rtl' : 'ltr') : undefined}><del>{show(ch.before)}</del> <span class="arrow">→</span> <ins>{show(ch.after)}</ins></dd>
          </>
        ))}
      </dl>
    </details>
  );
}
