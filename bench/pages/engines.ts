import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { startNode, type RunningNode } from '../../src/main.js';

export const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type Engine = { name: 'PGlite' | 'PostgreSQL'; node: RunningNode; startMs: number; close(): Promise<void> };

async function boot(env: Record<string, string>, cleanup: () => Promise<void>, name: Engine['name']): Promise<Engine> {
  const started = performance.now();
  let node: RunningNode;
  try {
    node = await startNode(loadConfig({ LOG_LEVEL: 'silent', PASSERELLE_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', ...env }));
  } catch (e) {
    await cleanup();
    throw e;
  }
  const startMs = performance.now() - started;
  return { name, node, startMs, close: async () => { try { await node.stop(); } finally { await cleanup(); } } };
}

/** A node on PGlite in a fresh temporary data folder, removed on close. */
export async function startPglite(): Promise<Engine> {
  const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-'));
  return boot({ PASSERELLE_DATA: dir }, async () => rmSync(dir, { recursive: true, force: true }), 'PGlite');
}

/** Runs one statement on the server's maintenance database. */
export async function admin(statement: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A node on a fresh `passerelle_bench_<random>` database, dropped on close; null when the server is unreachable. */
export async function startPostgres(): Promise<Engine | null> {
  const name = `passerelle_bench_${randomBytes(4).toString('hex')}`;
  try {
    await admin(`create database ${name}`);
  } catch (e) {
    console.log(`PostgreSQL skipped: ${ADMIN_URL} unreachable (${(e as Error).message})`);
    return null;
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-'));
  const drop = async () => {
    rmSync(dir, { recursive: true, force: true });
    await admin(`drop database if exists ${name} with (force)`);
  };
  return boot({ PASSERELLE_DATA: dir, DATABASE_URL: url.toString() }, drop, 'PostgreSQL');
}
