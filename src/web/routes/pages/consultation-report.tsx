import { Hono } from 'hono';
import { getAnalysis } from '../../../domain/consultation/analysis.service.js';
import { listStatements } from '../../../domain/consultation/statements.service.js';
import { isRtl } from '../../../domain/taxonomy/index.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import type { StatementTexts } from '../../views/report-sections.js';
import { ReportView } from '../../views/report-view.js';
import { render } from './page.js';

/** The report of an open or closed consultation: public, like a Polis report; no JavaScript, printable. */
export const consultationReportRoutes = new Hono<WebEnv>().get('/consultations/:id/report', async (c) => {
  const { t, locale, actor, ctx } = { t: c.get('t'), locale: c.get('locale'), actor: c.get('actor'), ctx: c.get('ctx') };
  const view = await getAnalysis(ctx, actor, c.req.param('id'));
  const statements = await listStatements(ctx, actor, view.consultation.id, { lang: locale });
  const texts: StatementTexts = new Map(
    statements.map((s, i) => [s.id, { n: i + 1, text: s.text.text, lang: s.text.lang, dir: isRtl(s.text.lang) ? 'rtl' : 'ltr' }]),
  );
  const title = pickText(view.consultation.texts, locale, view.consultation.originalLanguage);
  const shown = { text: title.text.title, lang: title.lang, dir: title.dir };
  return render(c, `${t('report.title')}: ${shown.text}`, <ReportView t={t} locale={locale} view={view} title={shown} texts={texts} />);
});
