import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSmppChannel } from '../src/channels/sms/smpp.channel.js';
import { captureLog } from './smsc.js';

// `passerelle smsc` and `passerelle sms send` in child processes; this process plays the node.
const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-sms-cli-'));
const bin = path.resolve('bin/passerelle.js');
const env = { ...process.env, LOG_LEVEL: 'silent' };
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function start(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { env });
  children.push(child);
  const output = { out: '', err: '' };
  child.stdout!.on('data', (d: Buffer) => (output.out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (output.err += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('passerelle smsc and passerelle sms send', () => {
  it('runs a local SMSC, sends a text as a handset and prints the reply', { timeout: 90_000 }, async () => {
    const log = path.join(dir, 'smsc.jsonl');
    const smsc = start(['smsc', '--port', '0', '--log', log]);
    // The banner's lines may arrive in separate chunks: wait for the last one needed.
    await until(() => /listening on smpp:\/\/127\.0\.0\.1:\d+[\s\S]*SMPP_URL=/.test(smsc.output.out), 'the SMSC to listen and print its SMPP_URL');
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(smsc.output.out)![1]);
    expect(smsc.output.out).toContain(`SMPP_URL=smpp://passerelle:passerelle@127.0.0.1:${port}`);

    // The node: answers every message, as the commands will.
    const node = createSmppChannel({ host: '127.0.0.1', port, systemId: 'passerelle', password: 'passerelle', systemType: '', source: 'PASSERELLE', window: 10, tps: 100, log: captureLog().log });
    await node.start({
      onInbound: async (m) => void (await node.send({ ref: 'reply', to: m.from, text: `Résultats pour « ${m.text} »` })),
      onReceipt: async () => undefined,
    });
    try {
      expect(await node.waitUntilConnected(5_000)).toBe(true);
      const send = start(['sms', 'send', '--from', '+22790000001', '--smsc', `smpp://phone:phone@127.0.0.1:${port}`, '--wait', '2', 'FIND', 'paludisme']);
      expect(await send.exited).toBe(0);
      expect(send.output.out).toContain('→ PASSERELLE: FIND paludisme (1 segment)');
      expect(send.output.out).toContain('← PASSERELLE: Résultats pour « FIND paludisme »');
      expect(smsc.output.out).toContain('+22790000001 → PASSERELLE: FIND paludisme');
    } finally {
      await node.close();
    }

    const bad = start(['sms', 'send', '--from', '12345', 'hello']);
    expect(await bad.exited).toBe(1);
    expect(bad.output.err).toContain('--from takes an E.164 number');

    smsc.child.kill('SIGINT');
    expect(await smsc.exited).toBe(0);
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.systemId, l.from, l.to, l.text])).toEqual([
      ['phone', '+22790000001', 'PASSERELLE', 'FIND paludisme'],
      ['passerelle', 'PASSERELLE', '+22790000001', 'Résultats pour « FIND paludisme »'],
    ]);
  });
});
