import { Hono } from 'hono';
import { practiceHistory } from '../../../domain/practices/practices.service.js';
import type { WebEnv } from '../../env.js';
import { ChangeList } from '../../views/change-list.js';
import { pickText } from '../../views/content.js';
import { formatDate } from '../../views/labels.js';
import { ScrollTable } from '../../views/scroll-table.js';
import { render } from './page.js';

/** Who changed what and when, and the review comments, for anyone who may see the practice. */
export const practiceHistoryRoutes = new Hono<WebEnv>().get('/practices/:id/history', async (c) => {
  const t = c.get('t');
  const locale = c.get('locale');
  const { practice: p, reviews, versions } = await practiceHistory(c.get('ctx'), c.get('actor'), c.req.param('id'));
  const shown = pickText(p.texts, locale, p.originalLanguage);
  const title = t('practice.history');
  return render(c, title, (
    <>
      <h1>{title}: <a href={`/practices/${p.id}`} lang={shown.lang} dir={shown.dir}>{shown.text.title}</a></h1>
      <h2>{t('history.versions')}</h2>
      <ScrollTable label={t('history.versions')}>
        <table>
          <thead><tr><th scope="col">{t('history.version')}</th><th scope="col">{t('history.when')}</th><th scope="col">{t('history.who')}</th><th scope="col">{t('history.what')}</th></tr></thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>{v.version}</td>
                <td><time datetime={v.createdAt.toISOString()}>{formatDate(v.createdAt, locale)}</time></td>
                <td>{v.userName ?? t('history.someone')}</td>
                <td><ChangeList t={t} changes={v.changes} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <h2>{t('history.reviews')}</h2>
      {reviews.length === 0 ? <p>{t('history.no_reviews')}</p> : (
        <ul>
          {reviews.map((r) => (
            <li><time datetime={r.createdAt.toISOString()}>{formatDate(r.createdAt, locale)}</time> — {r.userName ?? t('history.someone')}: <strong>{t(`review.${r.action}`)}</strong>{r.comment && <> — <q>{r.comment}</q></>}</li>
          ))}
        </ul>
      )}
    </>
  ));
});
