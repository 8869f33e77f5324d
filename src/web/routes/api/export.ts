import { Hono, type Context } from 'hono';
import { exportOpenData, hubsCsv, practicesCsv } from '../../../domain/opendata/export.service.js';
import type { WebEnv } from '../../env.js';

function csvFile(c: Context<WebEnv>, filename: string, body: string) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(body);
}

/** Open data: what anyone may read, in the exchange format and as spreadsheets. Same for every caller. */
export const exportRoutes = new Hono<WebEnv>()
  .get('/export.json', async (c) => c.json(await exportOpenData(c.get('ctx'))))
  .get('/export/practices.csv', async (c) => {
    const ctx = c.get('ctx');
    return csvFile(c, 'passerelle-practices.csv', await practicesCsv(ctx, ctx.cfg.baseUrl));
  })
  .get('/export/hubs.csv', async (c) => {
    const ctx = c.get('ctx');
    return csvFile(c, 'passerelle-hubs.csv', await hubsCsv(ctx, ctx.cfg.baseUrl));
  });
