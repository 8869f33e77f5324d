import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { PGLITE_EXTENSIONS, wrapPglite } from '../src/db/database.js';

/**
 * Runs once per test run: builds one migrated PGlite and saves its data folder as a tarball, so each
 * test file starts from a copy in about a second instead of running initdb and migrations itself.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return;
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  await wrapPglite(client).migrate();
  const dump = await client.dumpDataDir('gzip');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'passerelle-test-')), 'migrated.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteTemplate', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
