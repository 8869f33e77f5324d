import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A warn-or-worse line the node logged (pino JSON), with when the benchmark read it. */
export type NodeLogLine = { at: number; level: number; msg: string; fields: Record<string, unknown> };

export type NodeProcess = {
  pid: number;
  startedAt: number;
  /** Highest VmHWM (peak resident set) read so far, in bytes. */
  peakRss(): number;
  lines: NodeLogLine[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** How it ended, once it has. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM (the node's orderly stop), then SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
};

/** Reads a process's peak resident set (VmHWM) from /proc; 0 once it is gone. */
function readHwm(pid: number): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

// Only what the node reads: everything of ours is set explicitly, nothing leaks in from the shell.
const OURS = /^(PASSERELLE_|DATABASE_URL$|SMPP_URL$|AT_|PORT$|HOST$|LOG_LEVEL$)/;

/**
 * `passerelle start` as a child process — `node --import tsx`, not the `tsx` binary, whose own child
 * would survive a SIGKILL of its parent and whose pid would not be the one measured. Its warnings and
 * errors are kept; its peak RSS is read from /proc every 200 ms (VmHWM only grows, so the last reading
 * before it exits is its peak within that interval).
 */
export function spawnNode(env: Record<string, string>): NodeProcess {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OURS.test(k)));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'start'], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  const startedAt = Date.now();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, readHwm(pid))), 200);
  const lines: NodeLogLine[] = [];
  let rest = '';
  const read = (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8');
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const raw of parts) {
      if (!raw.trim()) continue;
      try {
        const { level, msg, time: _t, pid: _p, hostname: _h, ...fields } = JSON.parse(raw) as Record<string, unknown>;
        lines.push({ at: Date.now(), level: Number(level), msg: String(msg), fields });
      } catch {
        lines.push({ at: Date.now(), level: 50, msg: raw, fields: {} });
      }
    }
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  let ended: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      clearInterval(sampler);
      ended = { code, signal };
      resolve(ended);
    });
  });
  return {
    pid,
    startedAt,
    peakRss: () => (peak = Math.max(peak, readHwm(pid))),
    lines,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    exit: () => ended,
    kill: (signal) => void child.kill(signal),
    async stop(timeoutMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
