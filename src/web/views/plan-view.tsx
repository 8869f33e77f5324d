import type { Amendment, PlanDocument, PlanSection, SectionVersion } from '../../domain/action-plan/action-plan.js';
import { diffStats, diffWords } from '../../domain/action-plan/text-diff.js';
import { isRtl, languageName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { pickText } from './content.js';
import { CsrfField } from './forms.js';
import { formatDate } from './labels.js';
import { ItemForm, type ItemFormState } from './plan-forms.js';

type Env = { t: Translate; locale: string };

/** What the reader may do now, worked out by the route from the phase, the document and the actor. */
export type PlanAbilities = {
  csrfToken: string; canPropose: boolean; amendmentsOpen: boolean; canVote: boolean; canCount: boolean;
  /** Section ids whose amendments the reader may decide. */
  decides: Set<string>; myVotes: Map<string, number>;
  /** May add action items to the sections (a drafter, an action plan in drafting, a phase allowing amendments). */
  addsItems: boolean;
  /** May translate sections, the title and items (also once adopted). */
  canTranslate: boolean;
  /** The add-item form that failed, shown again under its section with its values and errors. */
  itemForm?: ItemFormState;
};

export function documentTitle(d: PlanDocument, locale: string) {
  return pickText(d.texts, locale, d.originalLanguage);
}

export function DocumentStatus(props: Env & { doc: PlanDocument }) {
  const { t, locale, doc } = props;
  return doc.adoptedAt
    ? <span class="status">{t('plan.status.adopted')} <time datetime={doc.adoptedAt.toISOString()}>{formatDate(doc.adoptedAt, locale)}</time>{doc.adoptedByName && ` (${doc.adoptedByName})`}</span>
    : <span class="status">{t('plan.status.drafting')}</span>;
}

/** A process's documents as cards: title, kind, status, number of sections and of open amendments. */
export function DocumentList(props: Env & { processId: string; docs: PlanDocument[] }) {
  const { t, locale, docs } = props;
  if (docs.length === 0) return <p role="status">{t('plan.none')}</p>;
  return (
    <ul class="cards">
      {docs.map((d) => {
        const title = documentTitle(d, locale);
        const open = d.sections.reduce((n, s) => n + s.amendments.filter((a) => a.status === 'proposed').length, 0);
        return (
          <li>
            <h2 lang={title.lang} dir={title.dir}><a href={`/processes/${props.processId}/plan/${d.id}`}>{title.text.title}</a></h2>
            <p class="meta">{t(`plan.kind.${d.kind}`)} · <DocumentStatus t={t} locale={locale} doc={d} /> · {t('plan.section_count', { count: d.sections.length })} · {t('plan.open_amendments', { count: open })}</p>
          </li>
        );
      })}
    </ul>
  );
}

function VoteForms(props: Env & { a: Amendment; base: string; can: PlanAbilities; decides: boolean }) {
  const { t, a, base, can } = props;
  const mine = can.myVotes.get(a.id);
  const choices = [['for', 1], ['against', -1], ['abstain', 0]] as const;
  return (
    <>
      {can.canVote && (
        <form method="post" action={`${base}/amendments/${a.id}/vote`} class="actions">
          <CsrfField token={can.csrfToken} />
          {mine !== undefined && <p>{t('plan.your_vote', { vote: t(`plan.vote.${choices.find((c) => c[1] === mine)![0]}`) })}</p>}
          {choices.map(([name]) => <button type="submit" name="vote" value={name}>{t(`plan.vote.${name}`)}</button>)}
        </form>
      )}
      {props.decides && (
        <form method="post" action={`${base}/amendments/${a.id}/decision`} class="actions">
          <CsrfField token={can.csrfToken} />
          {can.amendmentsOpen && <><button type="submit" name="decision" value="accept">{t('plan.accept')}</button> <button type="submit" name="decision" value="reject">{t('plan.reject')}</button></>}
          {can.canCount && <button type="submit" name="decision" value="count">{t('plan.count_votes')}</button>}
        </form>
      )}
    </>
  );
}

function AmendmentItem(props: Env & { a: Amendment; section: PlanSection; base: string; can: PlanAbilities }) {
  const { t, locale, a, section } = props;
  const dir = pickText({ [a.lang]: 1 }, a.lang, a.lang).dir;
  const isStale = a.status === 'proposed' && a.baseVersion !== section.version;
  return (
    <li>
      <p><strong>{t(`plan.amendment_status.${a.status}`)}</strong> · {t('plan.on_version', { version: a.baseVersion })} · {a.proposedByName ?? t('history.someone')}, {formatDate(a.proposedAt, locale)}</p>
      <blockquote lang={a.lang} dir={dir}>{a.text}</blockquote>
      {a.rationale && <p dir="auto">{t('plan.rationale')}: {a.rationale}</p>}
      <p>{t('plan.votes', { for: a.votes.for, against: a.votes.against, abstain: a.votes.abstain })}</p>
      {a.decidedHow && a.decidedAt && <p class="meta">{t(`plan.decided_${a.decidedHow}`, { name: a.decidedByName ?? t('history.someone') })}, {formatDate(a.decidedAt, locale)}</p>}
      {isStale && <p class="notice">{t('plan.stale_notice')}</p>}
      {a.status === 'proposed' && <VoteForms t={t} locale={locale} a={a} base={props.base} can={props.can} decides={props.can.decides.has(section.id)} />}
    </li>
  );
}

/** The reader's language's latest text of a section when it is of an older version than the current one. */
function olderTranslation(s: PlanSection, locale: string) {
  const lang = Object.keys(s.outdated).find((l) => l === locale) ?? Object.keys(s.outdated).find((l) => l.split('-')[0] === locale);
  return lang ? { lang, ...s.outdated[lang]! } : undefined;
}

/** Shown when the reader's language only has an older version: the current text is shown above, in its own language. */
function OlderTranslation(props: Env & { section: PlanSection; shownLang: string; base: string; canTranslate: boolean }) {
  const { t, locale, section: s } = props;
  const older = olderTranslation(s, locale);
  if (!older) return null;
  return (
    <div class="notice">
      <p>
        {t('plan.outdated_translation', { language: languageName(older.lang, locale), version: older.version, current: s.version, current_language: languageName(props.shownLang, locale) })}{' '}
        <a href={`${props.base}/sections/${s.id}/history`}>{t('plan.history_link')}</a>
        {props.canTranslate && <> · <a href={`${props.base}/sections/${s.id}/translate?lang=${encodeURIComponent(older.lang)}`}>{t('plan.update_translation')}</a></>}
      </p>
      <details>
        <summary>{t('plan.older_translation', { version: older.version })}</summary>
        <p lang={older.lang} dir={isRtl(older.lang) ? 'rtl' : 'ltr'}>{older.text}</p>
      </details>
    </div>
  );
}

/** One section: its current text, owner, action items and amendments with the forms the reader may use. */
export function SectionBlock(props: Env & { doc: PlanDocument; section: PlanSection; base: string; can: PlanAbilities }) {
  const { t, locale, doc, section: s, base, can } = props;
  const text = pickText(s.texts, locale, doc.originalLanguage);
  return (
    <section aria-labelledby={`s-${s.position}`} id={`section-${s.position}`}>
      <h2 id={`s-${s.position}`}>{t('plan.section', { n: s.position })}</h2>
      <p lang={text.lang} dir={text.dir}>{text.text}</p>
      {text.isFallback && <OlderTranslation t={t} locale={locale} section={s} shownLang={text.lang} base={base} canTranslate={can.canTranslate} />}
      <p class="meta">
        {t('plan.version', { version: s.version })} · {s.owner ? t('plan.owner', { name: s.owner.name }) : t('plan.no_owner')} ·{' '}
        <a href={`${base}/sections/${s.id}/history`}>{t('plan.history_link')}</a>
        {can.canPropose && <> · <a href={`${base}/sections/${s.id}/amend`}>{t('plan.propose_link')}</a></>}
        {can.canTranslate && <> · <a href={`${base}/sections/${s.id}/translate`}>{t('plan.translate_section_link')}</a></>}
      </p>
      {s.actionItems.length > 0 && (
        <>
          <h3>{t('plan.items')}</h3>
          <ul>
            {s.actionItems.map((i) => {
              const x = pickText(i.texts, locale, doc.originalLanguage);
              return (
                <li>
                  <strong>{i.code}</strong> <span lang={x.lang} dir={x.dir}>{x.text.title}</span> ({t('plan.weight', { weight: i.weight })})
                  {can.canTranslate && <> · <a href={`${base}/items/${i.id}/translate`}>{t('plan.translate_item_link', { code: i.code })}</a></>}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {can.addsItems && (
        <ItemForm t={t} csrfToken={can.csrfToken} action={`${base}/sections/${s.id}/items`} position={s.position} lang={doc.originalLanguage}
          state={can.itemForm?.sectionId === s.id ? can.itemForm : undefined} />
      )}
      {s.amendments.length > 0 && (
        <>
          <h3>{t('plan.amendments')}</h3>
          <ol class="cards">{s.amendments.map((a) => <AmendmentItem t={t} locale={locale} a={a} section={s} base={base} can={can} />)}</ol>
        </>
      )}
    </section>
  );
}

/** A word diff that reads without colour: insertions in <ins> (underlined), deletions in <del> (struck through). */
export function WordDiff(props: Env & { before: string; after: string; lang: string }) {
  const { t, locale } = props;
  const parts = diffWords(props.before, props.after, { locale: props.lang });
  const stats = diffStats(parts, props.lang);
  return (
    <>
      <p class="meta">{t('plan.diff_stats', { added: stats.added, removed: stats.removed })}</p>
      <p lang={props.lang} dir={pickText({ [props.lang]: 1 }, locale, props.lang).dir} class="diff">
        {parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'added' ? <ins>{p.text}</ins> : <del>{p.text}</del>))}
      </p>
    </>
  );
}

/** Every version of a section, per language, each compared with the one before in the same language. */
export function VersionList(props: Env & { versions: SectionVersion[] }) {
  const { t, locale, versions } = props;
  return (
    <ol class="cards">
      {[...versions].reverse().map((v) => {
        const previous = versions.filter((p) => p.lang === v.lang && p.version < v.version).at(-1);
        return (
          <li>
            <h2>{t('plan.version', { version: v.version })} · {v.lang}{v.isTranslation && ` · ${t('plan.translation')}`}</h2>
            <p class="meta">{v.byName ?? t('history.someone')}, <time datetime={v.at.toISOString()}>{formatDate(v.at, locale)}</time> · {v.isTranslation ? t('plan.from_translation', { language: languageName(v.lang, locale) }) : v.amendmentId ? t('plan.from_amendment') : t('plan.from_statements')}</p>
            {previous ? <WordDiff t={t} locale={locale} before={previous.text} after={v.text} lang={v.lang} /> : <p lang={v.lang} dir="auto">{v.text}</p>}
          </li>
        );
      })}
    </ol>
  );
}
