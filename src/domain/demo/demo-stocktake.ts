import { readFileSync } from 'node:fs';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { createOrganisation, listOrganisations } from '../accounts/accounts.service.js';
import { importIatiFile } from '../stocktake/stocktake-import.service.js';
import { recordActivity } from '../stocktake/stocktake.service.js';
import spec from './demo-stocktake.json' with { type: 'json' };

type Deps = { db: Db; clock: Clock };

// The product's own copy of the demo IATI file (test/fixtures/iati holds the tests' one).
const IATI_FILE = new URL('./demo-iati-activities.xml', import.meta.url);

/** The demo IATI file, offered on the import page as an example to try or to copy from. */
export const iatiExampleXml = () => readFileSync(IATI_FILE, 'utf8');

async function organisationNamed(ctx: Deps, o: { name: string; sector: string }) {
  return (await listOrganisations(ctx)).find((x) => x.name === o.name) ?? createOrganisation(ctx, o);
}

/**
 * The demo stocktake: one or two activities from each sector (organisations of the demo consultation, plus
 * an Indian state mission and the fund that publishes the demo IATI file), recorded by the demo admin for
 * them, and that IATI file imported. Called by seedDemoProcess while the process stands in its stocktaking
 * phase, so the same phase rule applies as for anyone. Runs with the process, once per node.
 */
export async function seedDemoStocktake(ctx: Deps, admin: Actor, processId: string): Promise<void> {
  for (const { organisation, ...activity } of spec.activities) {
    const org = await organisationNamed(ctx, organisation);
    await recordActivity(ctx, admin, processId, { ...activity, organisationId: org.id });
  }
  const fund = await organisationNamed(ctx, spec.iatiOrganisation);
  const result = await importIatiFile(ctx, admin, processId, { name: 'demo-iati-activities.xml', xml: iatiExampleXml(), organisationId: fund.id });
  if (!result.ok) throw new Error(`the demo IATI file was refused: ${result.errors.map((e) => e.detail).join('; ')}`);
}
