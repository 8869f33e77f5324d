import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createAppContext } from '../src/context.js';
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

  it('keeps searches in memory unless PASSERELLE_SEARCH_CACHE is 0', async () => {
    const base = { PASSERELLE_DATA: 'memory://', LOG_LEVEL: 'silent' };
    for (const [value, isOn] of [[undefined, true], ['50', true], ['0', false]] as const) {
      const ctx = await createAppContext(loadConfig({ ...base, ...(value === undefined ? {} : { PASSERELLE_SEARCH_CACHE: value }) }));
      expect(ctx.searchCache !== null, `PASSERELLE_SEARCH_CACHE=${value}`).toBe(isOn);
      await ctx.close();
    }
    expect(() => loadConfig({ PASSERELLE_SEARCH_CACHE: '-1' })).toThrow(/PASSERELLE_SEARCH_CACHE/);
  });

  it('refuses a bad configuration with a readable message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PASSERELLE_DEFAULT_LOCALE: 'de' })).toThrow(/PASSERELLE_DEFAULT_LOCALE/);
  });
});
