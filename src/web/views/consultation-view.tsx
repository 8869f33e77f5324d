import type { Child } from 'hono/jsx';
import type { Consultation, StatementView, VoteValue } from '../../domain/consultation/consultation.js';
import { isRtl, languageName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { VoteForm } from './consultation-forms.js';
import { pickText } from './content.js';

const VOTE_NAMES: Record<VoteValue, string> = { 1: 'agree', [-1]: 'disagree', 0: 'pass' };
const primary = (tag: string) => tag.split('-')[0]!;
const dirOf = (lang: string) => (isRtl(lang) ? 'rtl' : 'ltr');

type Env = { t: Translate; locale: string; csrfToken: string };

/** Title, status and description, in the reader's language where a version exists (else the original, said so). */
export function ConsultationHeader(props: Env & { c: Consultation; children?: Child }) {
  const { t, locale, c } = props;
  const shown = pickText(c.texts, locale, c.originalLanguage);
  return (
    <>
      <div lang={shown.lang} dir={shown.dir}>
        <h1>{shown.text.title}</h1>
        {shown.text.description && <p>{shown.text.description}</p>}
      </div>
      {shown.isFallback && <p class="notice">{t('consultation.shown_in', { lang: languageName(shown.lang, locale) })}</p>}
      <p class="meta"><span class="status">{t(`consultation.status_${c.status}`)}</span></p>
      {c.status === 'closed' && <p class="notice" role="status">{t('consultation.closed_notice')}</p>}
      {props.children}
    </>
  );
}

/** A statement's text marked with its own language, and a notice when it is not the reader's. */
function StatementText(props: Env & { s: StatementView; id: string }) {
  const { t, locale, s } = props;
  return (
    <>
      <p id={props.id} lang={s.text.lang} dir={dirOf(s.text.lang)}>{s.text.text}</p>
      {primary(s.text.lang) !== primary(locale) && <p class="meta">{t('consultation.shown_in', { lang: languageName(s.text.lang, locale) })}</p>}
    </>
  );
}

/** The statement the participant should vote on next, or word that they have voted on all. */
export function NextStatement(props: Env & { cid: string; s: StatementView | null }) {
  const { t, s } = props;
  return (
    <section aria-labelledby="next-title" id="next">
      <h2 id="next-title">{t('consultation.next_title')}</h2>
      {s ? (
        <div class="notice">
          <StatementText {...props} s={s} id="next-text" />
          <VoteForm t={t} csrfToken={props.csrfToken} action={`/consultations/${props.cid}/votes`} statementId={s.id} lang={s.text.lang} labelledBy="next-text" />
        </div>
      ) : <p>{t('consultation.all_voted')}</p>}
    </section>
  );
}

/**
 * Accepted statements; for a participant of an open consultation, their current vote and the buttons
 * to change it; a translation link for those who may add one.
 */
export function StatementList(props: Env & { cid: string; list: StatementView[]; votes?: Map<string, { value: VoteValue }>; canVote: boolean; canTranslate: (s: StatementView) => boolean }) {
  const { t, list, votes } = props;
  return (
    <section aria-labelledby="statements-title" id="statements">
      <h2 id="statements-title">{t('consultation.statements_title')}</h2>
      {list.length === 0 ? <p>{t('consultation.no_statements')}</p> : (
        <ol class="cards">
          {list.map((s) => {
            const mine = votes?.get(s.id);
            return (
              <li id={`s-${s.id}`}>
                <StatementText {...props} s={s} id={`t-${s.id}`} />
                {votes && <p class="meta">{mine ? t('consultation.your_vote', { vote: t(`consultation.${VOTE_NAMES[mine.value]}`) }) : t('consultation.not_voted')}</p>}
                {props.canVote && <VoteForm t={t} csrfToken={props.csrfToken} action={`/consultations/${props.cid}/votes`} statementId={s.id} lang={s.text.lang} labelledBy={`t-${s.id}`} back="list" />}
                {props.canTranslate(s) && <p><a href={`/statements/${s.id}/translate`}>{t('consultation.translate')}</a></p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
