import { Hono } from 'hono';
import { getAccountability } from '../../../domain/accountability/accountability.service.js';
import { listConsultationsOfProcess } from '../../../domain/consultation/consultation-list.service.js';
import { getPlan } from '../../../domain/action-plan/action-plan.service.js';
import { getProcess, listPhaseChanges, listProcesses } from '../../../domain/process/process.service.js';
import { getStocktake } from '../../../domain/stocktake/stocktake.service.js';
import type { WebEnv } from '../../env.js';
import { accountabilityJson } from './accountability-representation.js';
import { phaseChangeJson, processConsultationJson, processJson } from './process-representation.js';
import { planJson } from './plan-representation.js';
import { stocktakeJson } from './stocktake-representation.js';

/** Processes and their phases: public reads. Phase changes are made on the process page (admins). */
export const processRoutes = new Hono<WebEnv>()
  .get('/processes', async (c) => c.json({ items: (await listProcesses(c.get('ctx'))).map(processJson) }))
  .get('/processes/:id', async (c) => {
    const p = await getProcess(c.get('ctx'), c.req.param('id'));
    const consultations = await listConsultationsOfProcess(c.get('ctx'), p.id);
    return c.json({ ...processJson(p), phaseChanges: (await listPhaseChanges(c.get('ctx'), p.id)).map(phaseChangeJson), consultations: consultations.map(processConsultationJson) });
  })
  .get('/processes/:id/stocktake', async (c) => c.json(stocktakeJson(await getStocktake(c.get('ctx'), c.req.param('id'), c.req.query()))))
  .get('/processes/:id/plan', async (c) => c.json(planJson(await getPlan(c.get('ctx'), c.req.param('id')))))
  .get('/processes/:id/accountability', async (c) => {
    const a = await getAccountability(c.get('ctx'), c.req.param('id'));
    return c.json(accountabilityJson(c.req.param('id'), a));
  });
