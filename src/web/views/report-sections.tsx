import type { AnalysisResult, CrossSectorStatement } from '../../domain/consultation/analysis/analysis.js';
import type { Translate } from '../i18n/i18n.js';
import { groupLetter, percent, sectorList } from './report-labels.js';

/** Each statement once, in the reader's language where a version exists, numbered in order of submission. */
export type StatementTexts = Map<string, { n: number; text: string; lang: string; dir: 'ltr' | 'rtl' }>;
export type SectionProps = { t: Translate; locale: string; result: AnalysisResult; texts: StatementTexts };

export function Said(props: { texts: StatementTexts; id: string }) {
  const s = props.texts.get(props.id);
  if (!s) return <span>—</span>;
  return <><span class="num">{`#${s.n}`}</span> <q lang={s.lang} dir={s.dir}>{s.text}</q></>;
}

function crossLine(t: Translate, c: CrossSectorStatement) {
  return [
    c.agree.length > 0 && `${t('report.sectors_agree')}: ${sectorList(t, c.agree)}`,
    c.disagree.length > 0 && `${t('report.sectors_disagree')}: ${sectorList(t, c.disagree)}`,
    c.undecided.length > 0 && `${t('report.sectors_undecided')}: ${sectorList(t, c.undecided)}`,
    c.notEnoughVotes.length > 0 && `${t('report.sectors_not_enough')}: ${sectorList(t, c.notEnoughVotes)}`,
  ].filter(Boolean).join(' · ');
}

/** Statements every sector that has voted enough agrees on; the silent sectors are named, never assumed. */
export function CommonGround({ t, result, texts }: SectionProps) {
  return (
    <section aria-labelledby="common">
      <h2 id="common">{t('report.common_ground')}</h2>
      <p class="meta">{t('report.common_ground_hint')}</p>
      {result.commonGround.length === 0 ? <p>{t('report.none_yet')}</p> : (
        <ul>{result.commonGround.map((c) => <li><Said texts={texts} id={c.statementId} /><br /><span class="meta">{crossLine(t, c)}</span></li>)}</ul>
      )}
    </section>
  );
}

/** Statements one sector agrees with and another rejects, widest gap first. */
export function Divergences({ t, locale, result, texts }: SectionProps) {
  return (
    <section aria-labelledby="divergences">
      <h2 id="divergences">{t('report.divergences')}</h2>
      <p class="meta">{t('report.divergences_hint')}</p>
      {result.divergences.length === 0 ? <p>{t('report.none_yet')}</p> : (
        <ul>
          {result.divergences.map((c) => (
            <li><Said texts={texts} id={c.statementId} /><br /><span class="meta">{crossLine(t, c)} · {t('report.gap', { gap: percent(c.agreeGap, locale) })}</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What sets each opinion group apart, with Polis's counts: how many in the group voted that way. */
export function GroupStatements({ t, locale, result, texts }: SectionProps) {
  return (
    <section aria-labelledby="groups">
      <h2 id="groups">{t('report.groups')}</h2>
      {result.groups.map((g) => (
        <>
          <h3>{t('report.group', { group: groupLetter(g.id) })} · {t('report.participants_n', { n: g.size })}</h3>
          <ul>
            {g.representative.map((r) => (
              <li><Said texts={texts} id={r.statementId} /><br /><span class="meta">{t(r.repfulFor === 'agree' ? 'report.n_agree' : 'report.n_disagree', { n: r.nSuccess, of: r.nTrials, share: percent(r.nSuccess / Math.max(1, r.nTrials), locale) })}</span></li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}

/** Polis's consensus (everyone who voted) and group-informed consensus (every group, whatever its size). */
export function Consensus({ t, locale, result, texts }: SectionProps) {
  const informed = result.groupInformedConsensus.slice(0, 5);
  const list = (items: AnalysisResult['consensus']['agree'], key: string) =>
    items.map((c) => <li><Said texts={texts} id={c.statementId} /><br /><span class="meta">{t(key, { n: c.nSuccess, of: c.nTrials, share: percent(c.nSuccess / Math.max(1, c.nTrials), locale) })}</span></li>);
  return (
    <section aria-labelledby="consensus">
      <h2 id="consensus">{t('report.consensus')}</h2>
      {result.consensus.agree.length + result.consensus.disagree.length === 0 ? <p>{t('report.none_yet')}</p> : (
        <ul>{list(result.consensus.agree, 'report.n_agree')}{list(result.consensus.disagree, 'report.n_disagree')}</ul>
      )}
      <h3>{t('report.informed_consensus')}</h3>
      <p class="meta">{t('report.informed_consensus_hint')}</p>
      <ol>{informed.map((c) => <li><Said texts={texts} id={c.statementId} /> <span class="meta">({percent(c.value, locale)})</span></li>)}</ol>
    </section>
  );
}

/** Whether a translation seems to have changed a statement's meaning: its version is agreed with differently. */
export function LanguageDifferences({ t, locale, result, texts }: SectionProps) {
  if (result.languages.length === 0) return null;
  const differs = result.languages.filter((l) => l.status === 'differs');
  return (
    <section aria-labelledby="languages">
      <h2 id="languages">{t('report.languages')}</h2>
      {differs.length === 0 ? <p>{t(result.languages.some((l) => l.status === 'same') ? 'report.languages_same' : 'report.languages_not_enough')}</p> : (
        <ul>
          {differs.map((l) => (
            <li><Said texts={texts} id={l.statementId} /><br /><span class="meta">{l.versions.map((v) => `${v.language}${l.differing.includes(v.language) ? ` (${t('report.differs')})` : ''}: ${t('report.n_agree', { n: v.agree, of: v.seen, share: percent(v.pAgree, locale) })}`).join(' · ')}</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}
