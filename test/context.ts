import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createAppContext, type AppContext } from '../src/context.js';
import { fixedClock } from '../src/lib/clock.js';
import { createLogger } from '../src/lib/logger.js';
import { createApp } from '../src/web/app.js';
import { openTestDatabase } from './db.js';

/**
 * A real AppContext on a per-file test database, emptied before each test. Use inside a describe
 * or at the top of a test file: `const t = useTestContext();` then `t.ctx`, `t.app`.
 */
export function useTestContext() {
  const holder = {} as { ctx: AppContext; app: ReturnType<typeof createApp>; clock: ReturnType<typeof fixedClock>; truncate(): Promise<void> };
  beforeAll(async () => {
    const database = await openTestDatabase();
    const clock = fixedClock(new Date('2026-06-01T10:00:00Z'));
    const cfg = loadConfig({ PASSERELLE_DATA: 'memory://', LOG_LEVEL: 'silent', PASSERELLE_DEMO: 'false' });
    holder.ctx = await createAppContext(cfg, { database, clock, log: createLogger('silent') });
    holder.app = createApp(holder.ctx);
    holder.clock = clock;
    holder.truncate = database.truncate;
  });
  beforeEach(async () => {
    await holder.truncate();
  });
  afterAll(async () => {
    await holder.ctx?.close();
  });
  return holder;
}
