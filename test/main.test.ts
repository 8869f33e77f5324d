import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startNode } from '../src/main.js';

describe('node start and stop', () => {
  it('serves on a real socket and stops cleanly, once', async () => {
    const cfg = loadConfig({ PASSERELLE_DATA: 'memory://', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', PASSERELLE_DEMO: 'false' });
    const node = await startNode(cfg);
    const res = await fetch(`http://127.0.0.1:${node.port}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
    await Promise.all([node.stop(), node.stop()]);
    await expect(fetch(`http://127.0.0.1:${node.port}/healthz`)).rejects.toThrow();
  });

  it('refuses a bad configuration with a readable message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PASSERELLE_DEFAULT_LOCALE: 'de' })).toThrow(/PASSERELLE_DEFAULT_LOCALE/);
  });
});
