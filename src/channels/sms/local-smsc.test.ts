import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { captureLog, nodeChannel, PHONE, recordingHandlers, startedChannel, startTestSmsc, waitFor } from '../../../test/smsc.js';
import type { LocalSmsc } from './local-smsc.js';
import { createSmppChannel } from './smpp.channel.js';

const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-smsc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A handset: bound with the phone account, its number as address_range unless `isAnonymous`. */
async function phone(smsc: LocalSmsc, number: string, isAnonymous = false) {
  const recorder = recordingHandlers();
  const channel = createSmppChannel({
    host: '127.0.0.1', port: smsc.port, ...PHONE, systemType: '', source: number, window: 1, tps: 10,
    addressRange: isAnonymous ? undefined : number, log: captureLog().log, reconnect: { initialMs: 10, maxMs: 40 },
  });
  cleanups.push(() => channel.close());
  await channel.start(recorder.handlers);
  expect(await channel.waitUntilConnected(2_000)).toBe(true);
  return { channel, ...recorder };
}

describe('local SMSC', () => {
  it('routes handsets to the node and the node back to handsets, logging every accepted segment', async () => {
    const log = path.join(dir, 'smsc.jsonl');
    const smsc = await startTestSmsc({ log });
    cleanups.push(() => smsc.close());
    const node = await startedChannel(smsc);
    cleanups.push(() => node.channel.close());
    const amina = await phone(smsc, '+22790000001');
    const moussa = await phone(smsc, '+22790000003', true); // known by the sender of its first message

    await amina.channel.send({ ref: 'p1', to: 'PASSERELLE', text: 'FIND paludisme' });
    await moussa.channel.send({ ref: 'p2', to: 'PASSERELLE', text: 'SUB sante Maradi' });
    await waitFor(() => node.inbound.length === 2, 'both messages at the node');
    expect(node.inbound.map((m) => [m.from, m.to, m.text])).toEqual([
      ['+22790000001', 'PASSERELLE', 'FIND paludisme'],
      ['+22790000003', 'PASSERELLE', 'SUB sante Maradi'],
    ]);
    for (const m of node.inbound) await node.channel.send({ ref: `reply-${m.from}`, to: m.from, text: `Réponse à « ${m.text} »` });
    await waitFor(() => amina.inbound.length === 1 && moussa.inbound.length === 1, 'the replies on the handsets');
    expect(amina.inbound[0]).toMatchObject({ from: 'PASSERELLE', to: '+22790000001', text: 'Réponse à « FIND paludisme »' });
    expect(moussa.inbound[0]!.text).toBe('Réponse à « SUB sante Maradi »');

    const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual(smsc.submitted());
    expect(lines.map((l) => [l.systemId, l.to, l.text])).toEqual([
      ['phone', 'PASSERELLE', 'FIND paludisme'],
      ['phone', 'PASSERELLE', 'SUB sante Maradi'],
      ['passerelle', '+22790000001', 'Réponse à « FIND paludisme »'],
      ['passerelle', '+22790000003', 'Réponse à « SUB sante Maradi »'],
    ]);
    expect(new Set(lines.map((l) => l.messageId)).size).toBe(4);
    await waitFor(() => node.receipts.length === 2, 'receipts for both replies');
  });

  it('refuses unknown accounts and wrong passwords', async () => {
    const smsc = await startTestSmsc();
    cleanups.push(() => smsc.close());
    for (const credentials of [{ systemId: 'stranger', password: 'x' }, { systemId: 'passerelle', password: 'wrong' }]) {
      const channel = nodeChannel(smsc, credentials);
      cleanups.push(() => channel.close());
      await channel.start(recordingHandlers().handlers);
      expect(await channel.waitUntilConnected(100)).toBe(false);
    }
    expect(smsc.stats().bindAttempts).toBeGreaterThanOrEqual(2);
    expect(smsc.stats().binds).toBe(0);
  });

  it('keeps what it could not deliver and delivers it once a node binds', async () => {
    const smsc = await startTestSmsc();
    cleanups.push(() => smsc.close());
    const delivered = smsc.deliver('+22790000002', 'PASSERELLE', 'HELP');
    await waitFor(() => smsc.stats().deliveries.some((d) => d.status === 'no_session'), 'a first attempt without a node');
    const node = await startedChannel(smsc);
    cleanups.push(() => node.channel.close());
    await delivered;
    expect(node.inbound.map((m) => m.text)).toEqual(['HELP']);
  });

  it('throttles every n-th submission', async () => {
    const smsc = await startTestSmsc();
    cleanups.push(() => smsc.close());
    const node = await startedChannel(smsc);
    cleanups.push(() => node.channel.close());
    smsc.faults.throttleEvery = 3;
    const results = await Promise.allSettled(Array.from({ length: 9 }, (_, i) => node.channel.send({ ref: `t${i}`, to: '+22790000001', text: `t${i}` })));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
    expect(smsc.submitted()).toHaveLength(6);
  });
});
