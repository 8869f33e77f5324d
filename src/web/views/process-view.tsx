import type { Phase, PhaseChange, Process } from '../../domain/process/process.js';
import { languageName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { pickText } from './content.js';
import { formatDate, formatDay } from './labels.js';

type Env = { t: Translate; locale: string };

const activeOf = (p: Process) => p.phases.find((ph) => ph.id === p.activePhaseId) ?? null;

/** A phase's title in the reader's language, else the original, marked with its own lang and dir. */
export function PhaseTitle(props: Env & { process: Process; phase: Phase }) {
  const shown = pickText(props.phase.texts, props.locale, props.process.originalLanguage);
  return <span lang={shown.lang} dir={shown.dir}>{shown.text.title}</span>;
}

function Dates(props: Env & { phase: Phase }) {
  const { t, locale, phase } = props;
  const start = <time datetime={phase.startsOn}>{formatDay(phase.startsOn, locale)}</time>;
  if (!phase.endsOn) return <>{start} – {t('process.no_end_date')}</>;
  return <>{start} – <time datetime={phase.endsOn}>{formatDay(phase.endsOn, locale)}</time></>;
}

/** Processes as cards: title, number of phases and the active one. */
export function ProcessList(props: Env & { items: Process[] }) {
  const { t, locale, items } = props;
  if (items.length === 0) return <p role="status">{t('process.none')}</p>;
  return (
    <ul class="cards">
      {items.map((p) => {
        const shown = pickText(p.texts, locale, p.originalLanguage);
        const active = activeOf(p);
        return (
          <li>
            <h2 lang={shown.lang} dir={shown.dir}><a href={`/processes/${p.id}`}>{shown.text.title}</a></h2>
            <p class="meta">
              {t('process.phase_count', { count: p.phases.length })}
              {active && <>{' · '}{t('process.active_label')} <PhaseTitle t={t} locale={locale} process={p} phase={active} /> (<Dates t={t} locale={locale} phase={active} />)</>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export function ProcessHeader(props: Env & { process: Process }) {
  const { t, locale, process: p } = props;
  const shown = pickText(p.texts, locale, p.originalLanguage);
  const active = activeOf(p);
  return (
    <>
      <div lang={shown.lang} dir={shown.dir}>
        <h1>{shown.text.title}</h1>
        {shown.text.description && <p>{shown.text.description}</p>}
      </div>
      {shown.isFallback && <p class="notice">{t('process.shown_in', { lang: languageName(shown.lang, locale) })}</p>}
      {active && <p><strong>{t('process.active_label')}</strong> <a href={`#phase-${active.position}`}><PhaseTitle t={t} locale={locale} process={p} phase={active} /></a></p>}
      <p><a href={`/processes/${p.id}/stocktake`}>{t('stocktake.link')}</a></p>
      <p><a href={`/processes/${p.id}/plan`}>{t('plan.link')}</a></p>
      <p><a href={`/processes/${p.id}/accountability`}>{t('accountability.link')}</a></p>
    </>
  );
}

/** The phases in order with their dates and what each allows; the active one says so in words and with aria-current. */
export function PhaseList(props: Env & { process: Process }) {
  const { t, locale, process: p } = props;
  return (
    <section aria-labelledby="phases">
      <h2 id="phases">{t('process.phases_title')}</h2>
      <ol class="cards">
        {p.phases.map((phase) => {
          const isActive = phase.id === p.activePhaseId;
          const shown = pickText(phase.texts, locale, p.originalLanguage);
          return (
            <li id={`phase-${phase.position}`} aria-current={isActive ? 'step' : undefined}>
              <h3><span lang={shown.lang} dir={shown.dir}>{shown.text.title}</span>{isActive && <> <span class="status">{t('process.is_active')}</span></>}</h3>
              <p class="meta"><Dates t={t} locale={locale} phase={phase} /></p>
              {shown.text.description && <p lang={shown.lang} dir={shown.dir}>{shown.text.description}</p>}
              <p>
                {phase.activities.length === 0 ? t('process.allows_nothing') : <>{t('process.allows')} {new Intl.ListFormat(locale, { type: 'conjunction' }).format(phase.activities.map((a) => t(`process.activity.${a}`)))}</>}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Every phase change, oldest first: when, from which phase to which, by whom, and the note. */
export function PhaseHistory(props: Env & { process: Process; changes: PhaseChange[] }) {
  const { t, locale, process: p, changes } = props;
  const phase = (id: string) => p.phases.find((ph) => ph.id === id)!;
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('process.history_title')}</h2>
      {changes.length === 0 ? <p>{t('process.history_none')}</p> : (
        <ol>
          {changes.map((c) => (
            <li>
              <time datetime={c.at.toISOString()}>{formatDate(c.at, locale)}</time>{' — '}
              {t('process.moved_from')} <PhaseTitle t={t} locale={locale} process={p} phase={phase(c.fromPhaseId)} />{' '}
              {t('process.moved_to')} <PhaseTitle t={t} locale={locale} process={p} phase={phase(c.toPhaseId)} />
              {' '}({c.byName ?? t('history.someone')}){/* A note is in whatever language its author wrote it. */}{c.note && <> — <q dir="auto">{c.note}</q></>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
