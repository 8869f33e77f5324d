import { Hono } from 'hono';
import type { WebEnv } from '../../env.js';
import { alertRoutes } from './alerts.js';
import { cacheByCaller } from './cache.js';
import { consultationAnalysisRoutes } from './consultation-analysis.js';
import { consultationRoutes } from './consultations.js';
import { exchangeRoutes } from './exchanges.js';
import { exportRoutes } from './export.js';
import { hubRoutes } from './hubs.js';
import { openApiRoutes } from './openapi.js';
import { practiceRoutes } from './practices.js';
import { processRoutes } from './processes.js';
import { searchRoutes } from './search.js';

/**
 * The JSON API (mounted at /api/v1). The actor comes only from a bearer token; errors thrown by the
 * services become `{ error: { code, message, fields } }` in app.onError. Described by /openapi.json.
 */
export function apiRoutes(): Hono<WebEnv> {
  return new Hono<WebEnv>()
    .use(cacheByCaller)
    .route('/', practiceRoutes)
    .route('/', searchRoutes)
    .route('/', hubRoutes)
    .route('/', exchangeRoutes)
    .route('/', consultationRoutes)
    // The consultation analysis (GET /consultations/:id/analysis) is another module's: mount it here.
    .route('/', consultationAnalysisRoutes)
    .route('/', alertRoutes)
    .route('/', processRoutes)
    .route('/', exportRoutes)
    .route('/', openApiRoutes);
}
