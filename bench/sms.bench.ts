import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, updateDocs } from './pages/report.js';
import type { EngineName } from './sms/database.js';
import { findingsFor } from './sms/findings.js';
import { ALERT_TEXTS, AUDIENCES } from './sms/population.js';
import { renderSection, type SavedRun } from './sms/report.js';
import { runOnce, type RunMode, type RunResult } from './sms/run.js';

/**
 * `npm run bench:sms`: one alert to 100,000 subscribers in three languages through a local SMSC on
 * loopback, with the node as a child process, on PGlite and on PostgreSQL — a clean run (throughput,
 * time to complete, peak memory), then a fault run (the SMSC drops the link every 10,000 segments, the
 * node is SIGKILLed once halfway and started again) whose duplicates and losses are counted from the
 * SMSC's log. Options: --subscribers N, --engines pglite,postgres, --runs clean,fault, --window N,
 * --tps N, --grace-ms N, --drop-every N, --save FILE (results as JSON), --from FILE (render saved
 * results instead of measuring), --note TEXT (repeatable: a note added to the section), --no-docs.
 * See docs/benchmarks.md.
 */
const { values: opt } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '100000' },
    engines: { type: 'string', default: 'pglite,postgres' },
    runs: { type: 'string', default: 'clean,fault' },
    window: { type: 'string', default: '50' },
    tps: { type: 'string', default: '10000' },
    'grace-ms': { type: 'string', default: '15000' },
    'drop-every': { type: 'string', default: '10000' },
    save: { type: 'string' },
    from: { type: 'string' },
    note: { type: 'string', multiple: true, default: [] },
    'no-docs': { type: 'boolean', default: false },
  },
});
const ENGINES: Record<string, EngineName> = { pglite: 'PGlite', postgres: 'PostgreSQL' };
const settings = {
  subscribers: Number(opt.subscribers),
  window: Number(opt.window),
  tps: Number(opt.tps),
  graceMs: Number(opt['grace-ms']),
  dropEvery: Number(opt['drop-every']),
};
const log = (msg: string) => console.error(`[bench:sms ${(performance.now() / 1000).toFixed(0)}s] ${msg}`);

let run: SavedRun;
if (opt.from) {
  run = JSON.parse(readFileSync(opt.from, 'utf8')) as SavedRun;
} else {
  const results: RunResult[] = [];
  const notes: string[] = [];
  for (const key of opt.engines.split(',')) {
    const engine = ENGINES[key.trim()];
    if (!engine) throw new Error(`unknown engine ${key}: pglite or postgres`);
    for (const mode of opt.runs.split(',').map((m) => m.trim()) as RunMode[]) {
      if (mode !== 'clean' && mode !== 'fault') throw new Error(`unknown run ${mode}: clean or fault`);
      const result = await runOnce({ engine, mode, ...settings, log });
      if (!result) {
        notes.push(`${engine} skipped: the server at 127.0.0.1:5432 was unreachable.`);
        break;
      }
      results.push(result);
      log(`${engine} ${mode}: ${JSON.stringify({ completeMs: result.completeMs, segmentsPerS: Math.round(result.segmentsPerS), messagesPerS: Math.round(result.messagesPerS), peakRssMB: Math.round(result.peakRssBytes / 2 ** 20), ...result.verdict })}`);
    }
  }
  const m = machine();
  run = { date: m.date, machine: m.line, settings, results, notes };
  if (opt.save) writeFileSync(opt.save, JSON.stringify(run, null, 1));
}

run = { ...run, notes: [...run.notes, ...opt.note] };
const s = run.settings;
const shares = AUDIENCES.map((a) => `${a.lang} in ${a.country} (+${String(a.firstNumber).slice(0, -6)}…)`).join(', ');
const texts = Object.entries(ALERT_TEXTS).map(([lang, t]) => `${lang} ${[...t.sms].length} characters`).join(', ');
const method = [
  `Data: ${s.subscribers.toLocaleString('en-US')} subscribers, a third each ${shares}, numbers valid for libphonenumber-js/max, each subscribed to \`drought\` in their country; bulk-loaded with multi-row INSERTs (subscribers, subscriptions, consent events) into a fresh, migrated database per run (a PGlite folder, or a \`passerelle_bench_<random>\` database on the local PostgreSQL 15, dropped after). One alert for NE, KE and BD written by a curator with \`createAlert\` and approved by an admin with \`decideAlert\` (which commits the dispatch row); texts: ${texts} — French in two GSM 03.38 parts (UDH), Swahili one GSM 03.38 segment, Bengali one UCS-2 segment; 4 segments per 3 subscribers.`,
  `The local SMSC (\`startLocalSmsc\`) runs in the benchmark's process with a log file (one JSON line per accepted segment, written before the answer) and delivery receipts after 50 ms. The node is a child process, \`node --import tsx src/cli/index.ts start\` (\`passerelle start\`) with PORT=0, PASSERELLE_DEMO=false, LOG_LEVEL=warn, the database, SMPP_URL=smpp://…@127.0.0.1:<port>?window=${s.window}&tps=${s.tps} and PASSERELLE_SMS_UNCERTAIN_GRACE_MS=${s.graceMs}; the benchmark closes its own database handle before the node opens it.`,
  'Time to complete: from the spawn of the node to the moment the last subscriber\'s message was whole at the SMSC (times from the SMSC log, ms resolution). Segments/s and messages/s: sustained rate between the moments 10 % and 90 % of them were at the SMSC (a message counts when its last part arrives). Peak RSS: the node\'s VmHWM from /proc, read every 200 ms (the larger of the two processes in a fault run).',
  `A run ends when every subscriber has a whole message and nothing more has reached the SMSC for the grace period + 10 s (so that anything resent after the grace period would be seen), or when nothing has arrived for ${Math.max(120, (3 * s.graceMs) / 1000)} s. The node then gets SIGTERM; its outbox is read afterwards.`,
  `Fault run: the SMSC closes the node's connection after every ${s.dropEvery.toLocaleString('en-US')}th accepted segment (\`faults.dropEvery\`: the segment is logged and answered, then the connection closes and whatever else the node sent on it is neither read nor answered), and the node is SIGKILLed once half the subscribers have a whole message, then started again with the same environment. Right after the kill the benchmark reads the messages \`sending\` or \`uncertain\` (PostgreSQL: at once; PGlite: a copy of the folder, read after the run, so that the node still does its own crash recovery); after the run, a message with more attempts than at the kill was sent again, one sent or delivered without a new attempt was settled by a delivery receipt; the SMSC log before the kill says whether it had them. "Queued again" is the sum of the node's warnings.`,
];
const section = renderSection(run, method, findingsFor(run.results));
console.log(section);
if (!opt['no-docs']) {
  updateDocs(fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url)), section);
  log('docs/benchmarks.md updated');
}
// pg's timers must not hold the process open once everything is closed.
process.exit(0);
