import { Hono } from 'hono';
import { exportAnalysis } from '../../../domain/consultation/report-export.service.js';
import type { WebEnv } from '../../env.js';

/** The stored opinion analysis of a consultation, as in the report's analysis.json. Public. */
export const consultationAnalysisRoutes = new Hono<WebEnv>().get('/consultations/:id/analysis', async (c) =>
  c.json(await exportAnalysis(c.get('ctx'), c.get('actor'), c.req.param('id'))),
);
