import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { startNode } from '../../src/main.js';

/** A real node with the demo content on a temporary PGlite folder and an ephemeral port, as the browser suite uses. */
export async function startDemoNode() {
  const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-web-'));
  const cfg = loadConfig({ PASSERELLE_DATA: path.join(dir, 'data'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PASSERELLE_DEMO: 'true' });
  const node = await startNode(cfg);
  return {
    baseUrl: `http://127.0.0.1:${node.port}`,
    async stop() {
      await node.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
