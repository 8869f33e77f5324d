import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { createOrganisation, createUser, listOrganisations } from '../accounts/accounts.service.js';
import { countHubs } from '../hubs/hubs.service.js';
import { importOpenData, type ImportSummary } from '../opendata/import.service.js';
import { seedDemoConsultation } from './demo-consultation.js';
import { seedDemoProcess } from './demo-process.js';
import demoHubs from './demo-hubs.json' with { type: 'json' };
import demoPractices from './demo-practices.json' with { type: 'json' };

type Deps = { db: Db; clock: Clock };

/** Demo accounts share one documented password; they exist only where demo content was loaded. */
export const DEMO_PASSWORD = 'passerelle-demo';
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.passerelle.example', displayName: 'Awa Diallo (admin)', role: 'admin' },
  { email: 'curator@demo.passerelle.example', displayName: 'Lucía Mamani (curator)', role: 'curator' },
  { email: 'coordinator@demo.passerelle.example', displayName: 'Musa Abdullahi (coordinator)', role: 'coordinator' },
  { email: 'delegate@demo.passerelle.example', displayName: 'Claire Tremblay (delegate)', role: 'delegate' },
] as const;

/** Hubs the demo coordinator runs: the first two of the demo file. */
export const DEMO_COORDINATOR_HUBS = demoHubs.hubs.slice(0, 2).map((h) => h.id);

export async function isEmpty(ctx: Pick<Deps, 'db'>): Promise<boolean> {
  return (await countHubs(ctx)) === 0;
}

/**
 * Loads the demo hubs and practices (marked as demo), the demo accounts, the demo consultation and the demo process
 * (the annex's WSIS phases). Safe to run twice:
 * records and accounts that exist are skipped.
 */
export async function seedDemo(ctx: Deps, onProgress?: (done: number, total: number) => void): Promise<ImportSummary> {
  const hubs = await importOpenData(ctx, demoHubs, { onProgress });
  const practices = await importOpenData(ctx, demoPractices, { onProgress });
  const orgName = 'Demo ministry of communications';
  const org = (await listOrganisations(ctx)).find((o) => o.name === orgName) ?? (await createOrganisation(ctx, { name: orgName, sector: 'government' }));
  for (const a of DEMO_ACCOUNTS) {
    await createUser(
      ctx,
      {
        ...a,
        password: DEMO_PASSWORD,
        hubIds: a.role === 'coordinator' ? DEMO_COORDINATOR_HUBS : [],
        organisationId: a.role === 'delegate' ? org.id : null,
      },
      { isDemo: true },
    ).catch((e: Error) => {
      if (!('code' in e) || e.code !== 'conflict') throw e;
    });
  }
  await seedDemoConsultation(ctx);
  await seedDemoProcess(ctx, DEMO_ACCOUNTS[0].email);
  return { hubs: hubs.hubs, practices: practices.practices, problems: [...hubs.problems, ...practices.problems] };
}
