import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { startNode, type RunningNode } from '../../src/main.js';

/**
 * One real node for the whole browser suite: a temporary PGlite folder with the demo content, on an
 * ephemeral port. Tests may add records but must not depend on exact totals.
 */
let node: RunningNode | undefined;
let dir = '';

export async function setup(project: TestProject) {
  dir = mkdtempSync(path.join(tmpdir(), 'passerelle-browser-'));
  // Every test's browser comes from 127.0.0.1, so visitors' sign-ins and language switches share one
  // address's allowance of writes; the suite is one client only in appearance. The guard has its own tests.
  const cfg = loadConfig({ PASSERELLE_DATA: path.join(dir, 'data'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PASSERELLE_DEMO: 'true', PASSERELLE_WRITES_PER_MINUTE: '1000' });
  node = await startNode(cfg);
  project.provide('baseUrl', `http://127.0.0.1:${node.port}`);
}

export async function teardown() {
  await node?.stop();
  rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
