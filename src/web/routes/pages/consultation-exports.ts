import { Hono, type Context } from 'hono';
import { exportAnalysis, exportPolisFiles } from '../../../domain/consultation/report-export.service.js';
import type { WebEnv } from '../../env.js';

function download(c: Context<WebEnv>, filename: string, type: string, body: string) {
  c.header('Content-Type', `${type}; charset=utf-8`);
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(body);
}

/**
 * A consultation's data as files, linked from its report: Polis's comments.csv,
 * participants-votes.csv and votes.csv, and the analysis as JSON. Public, with no personal data in them.
 */
export const consultationExportRoutes = new Hono<WebEnv>()
  .get('/consultations/:id/export/comments.csv', async (c) => {
    const files = await exportPolisFiles(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return download(c, 'comments.csv', 'text/csv', files['comments.csv']);
  })
  .get('/consultations/:id/export/participants-votes.csv', async (c) => {
    const files = await exportPolisFiles(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return download(c, 'participants-votes.csv', 'text/csv', files['participants-votes.csv']);
  })
  // Not asked for by the report's readers, but Polis tools (and readPolisFolder) expect all three files.
  .get('/consultations/:id/export/votes.csv', async (c) => {
    const files = await exportPolisFiles(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return download(c, 'votes.csv', 'text/csv', files['votes.csv']);
  })
  .get('/consultations/:id/export/analysis.json', async (c) => {
    const body = await exportAnalysis(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return download(c, 'analysis.json', 'application/json', JSON.stringify(body));
  });
