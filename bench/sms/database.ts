import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createAppContext, type AppContext } from '../../src/context.js';
import { ADMIN_URL, admin } from '../pages/engines.js';

export type EngineName = 'PGlite' | 'PostgreSQL';

/**
 * A fresh database for one run: a PGlite data folder, or a `passerelle_bench_<random>` database on the
 * local server. `env` is what a node needs to open it; `open` gives the benchmark its own context on it
 * (close it before a PGlite node starts: one process per folder); `drop` removes everything.
 */
export type BenchDatabase = {
  engine: EngineName;
  env: Record<string, string>;
  open(): Promise<AppContext>;
  /**
   * Reads the database as a killed node left it without changing what the next node will find:
   * PostgreSQL is read at once; a PGlite folder is copied now and the copy read when the returned
   * function is called (opening the folder itself would run PGlite's crash recovery before the node's).
   */
  capture<T>(read: (ctx: AppContext) => Promise<T>): Promise<() => Promise<T>>;
  drop(): Promise<void>;
};

const contextOn = (env: Record<string, string>) => createAppContext(loadConfig({ ...env, LOG_LEVEL: 'silent', PASSERELLE_DEMO: 'false', PORT: '0' }));

async function readWith<T>(env: Record<string, string>, read: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await contextOn(env);
  try {
    return await read(ctx);
  } finally {
    await ctx.close();
  }
}

function database(engine: EngineName, env: Record<string, string>, drop: () => Promise<void>): BenchDatabase {
  return {
    engine,
    env,
    open: () => contextOn(env),
    async capture(read) {
      if (env.DATABASE_URL) {
        const value = await readWith(env, read);
        return async () => value;
      }
      const copy = `${env.PASSERELLE_DATA}-captured`;
      cpSync(env.PASSERELLE_DATA!, copy, { recursive: true });
      return async () => {
        try {
          return await readWith({ PASSERELLE_DATA: copy }, read);
        } finally {
          rmSync(copy, { recursive: true, force: true });
        }
      };
    },
    drop,
  };
}

/** A fresh database on `engine`; null when the PostgreSQL server is unreachable. */
export async function createBenchDatabase(engine: EngineName): Promise<BenchDatabase | null> {
  const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-sms-'));
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  if (engine === 'PGlite') return database(engine, { PASSERELLE_DATA: path.join(dir, 'data') }, removeDir);
  const name = `passerelle_bench_${randomBytes(4).toString('hex')}`;
  try {
    await admin(`create database ${name}`);
  } catch (e) {
    await removeDir();
    console.error(`PostgreSQL skipped: ${ADMIN_URL} unreachable (${(e as Error).message})`);
    return null;
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return database(engine, { PASSERELLE_DATA: path.join(dir, 'data'), DATABASE_URL: url.toString() }, async () => {
    await removeDir();
    await admin(`drop database if exists ${name} with (force)`);
  });
}
