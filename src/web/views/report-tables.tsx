import type { SectionProps } from './report-sections.js';
import { Said } from './report-sections.js';
import { percent, sectorName } from './report-labels.js';
import { ScrollTable } from './scroll-table.js';

/**
 * Votes per sector on each statement: agree · disagree · pass and the share agreeing, or "not enough
 * votes" below the analysis's threshold so a share of 2 of 2 is never read as a sector's position.
 */
export function SectorTable({ t, locale, result, texts }: SectionProps) {
  const rows = [...texts.entries()].sort((a, b) => a[1].n - b[1].n).map(([id]) => id);
  const cells = result.sectors.map((s) => new Map(s.statements.map((row) => [row.statementId, row])));
  return (
    <section aria-labelledby="sectors">
      <h2 id="sectors">{t('report.sector_tables')}</h2>
      <ScrollTable label={t('report.sector_tables_caption')}>
        <table class="votes">
          <caption>{t('report.sector_tables_caption')}</caption>
          <thead>
            <tr><th scope="col">{t('report.statement')}</th>{result.sectors.map((s) => <th scope="col">{sectorName(t, s.sector)} <span class="meta">({s.participants})</span></th>)}</tr>
          </thead>
          <tbody>
            {rows.map((id) => (
              <tr>
                <th scope="row"><Said texts={texts} id={id} /></th>
                {cells.map((byStatement) => {
                  const c = byStatement.get(id);
                  if (!c || c.seen === 0) return <td>—</td>;
                  return <td>{`${c.agree} · ${c.disagree} · ${c.pass}`}<br />{c.position === 'not_enough_votes' ? t('report.not_enough_short') : percent(c.pAgree, locale)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
