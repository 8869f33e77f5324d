import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalSmsc, type LocalSmsc } from '../../src/channels/sms/local-smsc.js';
import { createBenchDatabase, type BenchDatabase, type EngineName } from './database.js';
import { spawnNode, type NodeLogLine, type NodeProcess } from './node.js';
import { fatesOf, type InFlightFate } from './inflight.js';
import { readInFlight, readMessages, readOutbox, recordedSmscIds, type InFlight, type Outbox } from './outcome.js';
import { prepare, type Prepared } from './setup.js';
import { createTracker, type Tracker } from './tracker.js';
import { collectEvidence } from './evidence.js';
import { middleRate, readSmscLog, verify, type Verdict } from './verify.js';

export type RunMode = 'clean' | 'fault';

export type RunOptions = {
  engine: EngineName;
  mode: RunMode;
  subscribers: number;
  /** SMPP window and submit_sm/s cap, as in SMPP_URL. */
  window: number;
  tps: number;
  graceMs: number;
  dropEvery: number;
  log(msg: string): void;
};

export type Fault = {
  /** Connections the SMSC closed (every `dropEvery` accepted segments). */
  drops: number;
  killedAtMs: number;
  reachedAtKill: number;
  /** From the SIGKILL to the new node's spawn (the benchmark reads or copies the database meanwhile). */
  respawnMs: number;
  /** From the new node's spawn to its first accepted segment. */
  restartMs: number | null;
  /** What became of the messages `sending` or `uncertain` at the kill. */
  fates: InFlightFate[];
};

/** The node ending on its own during a run (it is started again, as a supervisor would). */
export type Crash = { atMs: number; code: number | null; signal: string | null; lastLines: string[] };

export type RunResult = {
  engine: EngineName;
  mode: RunMode;
  subscribers: number;
  expectedSegments: number;
  loadMs: number;
  /** From the node's spawn to its first accepted segment (open, migrate, bind, fan-out's first batch). */
  firstSegmentMs: number | null;
  /** From the node's spawn to the moment the last subscriber's message was complete at the SMSC. */
  completeMs: number | null;
  segmentsPerS: number;
  messagesPerS: number;
  peakRssBytes: number;
  verdict: Omit<Verdict, 'completions' | 'segmentTimes' | 'duplicates' | 'losses' | 'incomplete' | 'wrongText' | 'strangers' | 'strayNumbers'> & {
    duplicates: number; losses: number; incomplete: number; wrongText: number; strangers: number;
  };
  /** Segments the SMSC accepted whose id the node never recorded (no submit_sm_resp read, no receipt matched). */
  unrecorded: number;
  outbox: Outbox;
  /** From the node's warnings: messages found `sending` at a start, and uncertain ones queued again. */
  orphans: number;
  requeued: number;
  nodeErrors: Record<string, number>;
  fault: Fault | null;
  crashes: Crash[];
  /** Seconds from spawn until 10 %, 20 %, … 100 % of the subscribers had their message (null: never). */
  deciles: (number | null)[];
  /** The SMSC's deliver_sm attempts of delivery receipts (its first 100,000 records), by outcome. */
  receiptAttempts: Record<string, number>;
  /** Where the SMSC log and the evidence of defects were kept (only when there were defects). */
  kept: string | null;
};

const ACCOUNT = { systemId: 'passerelle', password: 'bench' };
const ms = (x: number) => `${(x / 1000).toFixed(1)} s`;

const sumOf = (lines: NodeLogLine[], prefix: string) =>
  lines.filter((l) => l.msg.startsWith(prefix)).reduce((n, l) => n + Number(l.fields.messages ?? 0), 0);

/**
 * One run on a fresh database: load, start the SMSC and the node, wait until every subscriber has their
 * message and nothing more has come for longer than the grace period, stop, then count from the SMSC's
 * log and read the outbox. A fault run also has the SMSC drop the link every `dropEvery` segments and the
 * node SIGKILLed once half the subscribers are reached, then started again.
 */
export async function runOnce(o: RunOptions): Promise<RunResult | null> {
  const say = (msg: string) => o.log(`${o.engine} ${o.mode}: ${msg}`);
  const db = await createBenchDatabase(o.engine);
  if (!db) return null;
  const dir = mkdtempSync(path.join(tmpdir(), `passerelle-bench-sms-${o.mode}-`));
  try {
    say(`loading ${o.subscribers.toLocaleString('en-US')} subscribers and approving the alert`);
    const prepared = await prepare(db, o.subscribers);
    const ph = prepared.phases;
    say(`open + migrate ${ms(ph.openMs)}, load ${ms(ph.loadMs)}, alert ${ms(ph.alertMs)}, close ${ms(ph.closeMs)}; ${prepared.segments.toLocaleString('en-US')} segments expected`);
    const logFile = path.join(dir, 'smsc.jsonl');
    const tracker = createTracker();
    const smsc = await startLocalSmsc({ port: 0, accounts: [ACCOUNT], log: logFile, onAccepted: tracker.onAccepted });
    if (o.mode === 'fault') smsc.faults.dropEvery = o.dropEvery;
    const nodes: NodeProcess[] = [];
    let drive: Awaited<ReturnType<typeof driveNode>>;
    try {
      drive = await driveNode(o, db, smsc, prepared, tracker, nodes, say);
    } finally {
      for (const n of nodes) if (n.isRunning()) n.kill('SIGKILL');
      await smsc.close();
    }
    return await count(o, db, prepared, logFile, dir, drive, nodes, say);
  } finally {
    await db.drop();
  }
}

async function driveNode(o: RunOptions, db: BenchDatabase, smsc: LocalSmsc, prepared: Prepared, tracker: Tracker, nodes: NodeProcess[], say: (m: string) => void) {
  const env = {
    ...db.env,
    PORT: '0',
    HOST: '127.0.0.1',
    PASSERELLE_DEMO: 'false',
    LOG_LEVEL: 'warn',
    SMPP_URL: `smpp://${ACCOUNT.systemId}:${ACCOUNT.password}@127.0.0.1:${smsc.port}?source=PASSERELLE&window=${o.window}&tps=${o.tps}`,
    PASSERELLE_SMS_UNCERTAIN_GRACE_MS: String(o.graceMs),
  };
  const total = prepared.expected.size;
  const quietMs = o.graceMs + 10_000;
  const stuckMs = Math.max(120_000, 3 * o.graceMs);
  nodes.push(spawnNode(env));
  const t0 = nodes[0]!.startedAt;
  let fault: Fault | null = null;
  let readAtKill: (() => Promise<InFlight[]>) | null = null;
  let lastSpawn = t0;
  let lastReport = t0;
  const crashes: Crash[] = [];
  for (;;) {
    await sleep(100);
    const node = nodes.at(-1)!;
    if (!node.isRunning()) {
      await node.exited;
      const exit = node.exit();
      const crash = { atMs: Date.now() - t0, code: exit?.code ?? null, signal: exit?.signal ?? null, lastLines: node.lines.slice(-10).map((l) => `${l.msg} ${JSON.stringify(l.fields)}`) };
      crashes.push(crash);
      say(`the node exited on its own (code ${crash.code}, signal ${crash.signal}): ${crash.lastLines.slice(-3).join(' | ')}; starting it again`);
      if (crashes.length > 5) throw new Error('the node keeps exiting: giving up');
      nodes.push(spawnNode(env));
      lastSpawn = Date.now();
      continue;
    }
    const now = Date.now();
    if (now - lastReport >= 10_000) {
      lastReport = now;
      say(`${tracker.reached.size.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} reached, ${tracker.state.segments.toLocaleString('en-US')} segments, node RSS peak ${Math.round(node.peakRss() / 2 ** 20)} MB`);
    }
    if (o.mode === 'fault' && !fault && tracker.reached.size >= total / 2) {
      const reachedAtKill = tracker.reached.size;
      node.kill('SIGKILL');
      await node.exited;
      const killedAt = Date.now();
      readAtKill = await db.capture((ctx) => readInFlight(ctx.db, prepared.alertId));
      say(`SIGKILL at ${reachedAtKill.toLocaleString('en-US')} reached; starting the node again`);
      tracker.mark();
      nodes.push(spawnNode(env));
      lastSpawn = Date.now();
      fault = { drops: 0, killedAtMs: killedAt - t0, reachedAtKill, respawnMs: lastSpawn - killedAt, restartMs: null, fates: [] };
      continue;
    }
    if (fault && fault.restartMs === null && tracker.state.firstAfterMark > 0) fault.restartMs = tracker.state.firstAfterMark - lastSpawn;
    const idle = now - Math.max(tracker.state.lastAt, lastSpawn);
    if (tracker.reached.size >= total) {
      if (idle >= quietMs) break;
    } else if (idle >= stuckMs) {
      say(`nothing accepted for ${stuckMs / 1000} s with ${(total - tracker.reached.size).toLocaleString('en-US')} subscribers not reached: giving up`);
      break;
    }
  }
  const peakRssBytes = Math.max(...nodes.map((n) => n.peakRss()));
  say(`done; stopping the node (SIGTERM)`);
  await nodes.at(-1)!.stop();
  if (fault) fault.drops = o.dropEvery > 0 ? Math.floor(smsc.submitted().length / o.dropEvery) : 0;
  const receiptAttempts: Record<string, number> = {};
  for (const [status, n] of Object.entries(smsc.stats().receiptOutcomes)) {
    const key = status === '0' ? 'answered OK' : /^\d+$/.test(status) ? `status ${status}` : status;
    receiptAttempts[key] = n;
  }
  return { t0, fault, readAtKill, crashes, receiptAttempts, peakRssBytes };
}

async function count(
  o: RunOptions, db: BenchDatabase, prepared: Prepared, logFile: string, dir: string,
  drive: { t0: number; fault: Fault | null; readAtKill: (() => Promise<InFlight[]>) | null; crashes: Crash[]; receiptAttempts: Record<string, number>; peakRssBytes: number }, nodes: NodeProcess[], say: (m: string) => void,
): Promise<RunResult> {
  const entries = readSmscLog(logFile);
  const v = verify(entries, prepared.expected);
  const lines = nodes.flatMap((n) => n.lines);
  const inFlight = drive.readAtKill ? await drive.readAtKill() : [];
  const ctx = await db.open();
  let outbox: Outbox;
  let unrecorded: number;
  let kept: string | null = null;
  try {
    outbox = await readOutbox(ctx.db, prepared.alertId);
    if (drive.fault) drive.fault.fates = fatesOf(inFlight, await readMessages(ctx.db, inFlight.map((m) => m.id)), entries, drive.t0 + drive.fault.killedAtMs);
    const recorded = await recordedSmscIds(ctx.db);
    unrecorded = entries.filter((e) => !recorded.has(e.messageId)).length;
    const hasDefects = v.duplicates.length + v.losses.length + v.wrongText.length + v.strangers.length + v.straySegments + drive.crashes.length > 0;
    if (hasDefects) {
      const evidence = await collectEvidence(ctx.db, prepared.alertId, entries, v, { t0: drive.t0, killedAtMs: drive.fault?.killedAtMs ?? null, lines, recorded });
      writeFileSync(path.join(dir, 'evidence.json'), JSON.stringify(evidence, null, 1));
      kept = dir;
      say(`defects found: SMSC log and evidence kept in ${dir}`);
    }
  } finally {
    await ctx.close();
  }
  if (!kept) rmSync(dir, { recursive: true, force: true });
  const nodeErrors: Record<string, number> = {};
  for (const l of lines.filter((x) => x.level >= 50)) nodeErrors[l.msg] = (nodeErrors[l.msg] ?? 0) + 1;
  const isComplete = v.losses.length === 0 && v.completions.length > 0;
  return {
    engine: o.engine,
    mode: o.mode,
    subscribers: prepared.expected.size,
    expectedSegments: prepared.segments,
    loadMs: prepared.phases.loadMs,
    firstSegmentMs: v.segmentTimes.length > 0 ? v.segmentTimes[0]! - drive.t0 : null,
    completeMs: isComplete ? v.completions.at(-1)! - drive.t0 : null,
    segmentsPerS: middleRate(v.segmentTimes, prepared.segments),
    messagesPerS: middleRate(v.completions, prepared.expected.size),
    peakRssBytes: drive.peakRssBytes,
    verdict: {
      segments: v.segments, numbers: v.numbers, exactlyOnce: v.exactlyOnce, straySegments: v.straySegments,
      duplicates: v.duplicates.length, losses: v.losses.length, incomplete: v.incomplete.length, wrongText: v.wrongText.length, strangers: v.strangers.length,
    },
    unrecorded,
    outbox,
    orphans: sumOf(lines, 'messages were being sent when the node stopped'),
    requeued: sumOf(lines, 'uncertain messages had no delivery receipt'),
    nodeErrors,
    fault: drive.fault,
    crashes: drive.crashes,
    deciles: Array.from({ length: 10 }, (_, i) => {
      const t = v.completions[Math.ceil(((i + 1) * prepared.expected.size) / 10) - 1];
      return t === undefined ? null : (t - drive.t0) / 1000;
    }),
    receiptAttempts: drive.receiptAttempts,
    kept,
  };
}
