import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLog, NODE, nodeChannel, recordingHandlers, startedChannel, startTestSmsc, waitFor } from '../../../test/smsc.js';
import type { LocalSmscOptions } from './local-smsc.js';
import { ChannelError, type OutboundSms } from './sms.js';
import { createSmppChannel, type SmppChannel, type SmppChannelOptions } from './smpp.channel.js';
import { encodeGsm7 } from './smpp-gsm7.js';

// Every test talks SMPP over loopback to a real local SMSC of its own.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(smscOptions: Partial<LocalSmscOptions> = {}, channelOptions: Partial<SmppChannelOptions> = {}) {
  const smsc = await startTestSmsc(smscOptions);
  cleanups.push(() => smsc.close());
  const started = await startedChannel(smsc, channelOptions);
  cleanups.push(() => started.channel.close());
  return { smsc, ...started };
}

const PHONE_NUMBER = '+22790000001';
const msg = (text: string, ref = text.slice(0, 20)): OutboundSms => ({ ref, to: PHONE_NUMBER, text });
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex');

async function refusal(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ChannelError)) throw new Error(`expected a ChannelError, got ${String(error)}`);
  return error;
}

/** Sends, and after a retryable error waits for the link and tries again, as the outbox will. */
async function sendUntilAccepted(channel: SmppChannel, message: OutboundSms) {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      return await channel.send(message);
    } catch (e) {
      if (!(e instanceof ChannelError) || !e.isRetryable) throw e;
      await channel.waitUntilConnected(1_000);
    }
  }
  throw new Error('never accepted');
}

// Accents of the GSM 03.38 table only (é è à ù É), so that it goes out in three 153-septet parts.
const FRENCH = (
  "Alerte sécheresse à Tahoua : les pluies attendues cette semaine n'arriveront pas. Économisez l'eau des puits, " +
  'abreuvez le bétail de bonne heure et gardez les semences de mil pour la prochaine pluie. Le centre de santé de Konni ' +
  'distribue des sels de réhydratation. Pour recevoir les prix du marché, répondez PRIX. Pour ne plus recevoir ces ' +
  'messages, répondez STOP. Informations : hub communautaire de Tahoua, tous les jours sauf le vendredi après-midi, où il est fermé.'
).slice(0, 400);
const ARABIC = 'تنبيه من الجراد الصحراوي في منطقة أغاديز: يرجى حماية المحاصيل وإبلاغ مركز المجتمع عن أي أسراب. '.repeat(3).slice(0, 200);

describe('SMPP channel: sending', () => {
  it('binds, and sends GSM 03.38 text with data_coding 0 and other text as UCS-2 with data_coding 8', async () => {
    const { smsc, channel } = await setup();
    expect(channel.isConnected()).toBe(true);

    const gsm = await channel.send(msg('Pluie {forte} 50€ @Zinder'));
    const ucs2 = await channel.send(msg('Fête à Maradi 🌧'));
    const [first, second] = smsc.submitted();
    expect(first).toMatchObject({ dataCoding: 0, from: 'PASSERELLE', to: PHONE_NUMBER, text: 'Pluie {forte} 50€ @Zinder', udh: null, messageId: gsm.messageIds[0] });
    expect(first!.hex).toBe(encodeGsm7('Pluie {forte} 50€ @Zinder').toString('hex'));
    expect(first!.hex).toContain('1b28'); // "{" through the extension table
    expect(first!.hex).toContain('1b65'); // "€"
    expect(first!.hex).toContain('2000'); // " @": @ is 0x00 in GSM 03.38, not 0x40
    expect(second).toMatchObject({ dataCoding: 8, text: 'Fête à Maradi 🌧', messageId: ucs2.messageIds[0] });
    expect(second!.hex).toBe(utf16be('Fête à Maradi 🌧'));
  });

  it('sends a 400-character French text and a 200-character Arabic one as concatenated parts', async () => {
    const { smsc, channel } = await setup();
    expect(FRENCH).toHaveLength(400);
    expect(ARABIC).toHaveLength(200);

    const french = await channel.send(msg(FRENCH, 'fr'));
    const arabic = await channel.send(msg(ARABIC, 'ar'));
    expect(french.messageIds).toHaveLength(3); // GSM 03.38: 153 + 153 + 94 septets
    expect(arabic.messageIds).toHaveLength(3); // UCS-2: 67 + 67 + 66 units

    for (const [ids, text, dataCoding] of [[french.messageIds, FRENCH, 0], [arabic.messageIds, ARABIC, 8]] as const) {
      const parts = smsc.submitted().filter((e) => ids.includes(e.messageId));
      expect(parts.map((p) => p.udh?.part)).toEqual([1, 2, 3]);
      expect(new Set(parts.map((p) => p.udh?.ref)).size).toBe(1);
      expect(parts.every((p) => p.udh?.total === 3 && p.dataCoding === dataCoding)).toBe(true);
      expect(parts.map((p) => p.text).join('')).toBe(text);
      // 6 octets of UDH, then at most 153 septets (one per octet) or 134 octets of UCS-2.
      for (const p of parts) expect(p.hex.length / 2).toBeLessThanOrEqual(dataCoding === 0 ? 159 : 140);
    }
    const refs = new Set(smsc.submitted().map((e) => e.udh?.ref));
    expect(refs.size).toBe(2); // each message has its own reference
  });

  it('keeps no more than `window` submit_sm awaiting an answer', async () => {
    const { smsc, channel } = await setup({}, { window: 3 });
    smsc.faults.delayMs = 20;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => channel.send(msg(`message ${i}`))));
    expect(results).toHaveLength(12);
    expect(smsc.stats().maxInFlight).toBeLessThanOrEqual(3);
    expect(smsc.stats().maxInFlight).toBeGreaterThanOrEqual(2);
  });

  it('keeps to its throughput cap', async () => {
    const { smsc, channel } = await setup({}, { tps: 50 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 40 }, (_, i) => channel.send(msg(`message ${i}`))));
    // Uncapped, 40 submits take a few milliseconds here; at 50/s they take most of a second.
    expect(Date.now() - started).toBeGreaterThan(500);
    const times = smsc.submitted().map((e) => Date.parse(e.time));
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 250).length));
    expect(busiest).toBeLessThanOrEqual(50 * 0.25 + 5);
  });

  it('reports throttling and a full queue as retryable', async () => {
    const { smsc, channel } = await setup();
    smsc.faults.throttleEvery = 1;
    const throttled = await refusal(channel.send(msg('hello')));
    expect(throttled).toMatchObject({ code: 'ESME_RTHROTTLED', isRetryable: true });
    smsc.faults.throttleEvery = 0;
    smsc.faults.queueFull = true;
    expect(await refusal(channel.send(msg('hello')))).toMatchObject({ code: 'ESME_RMSGQFUL', isRetryable: true });
    smsc.faults.queueFull = false;
    await expect(channel.send(msg('hello'))).resolves.toMatchObject({ messageIds: [expect.any(String)] });
  });

  it('reports an invalid destination as permanent', async () => {
    const { channel } = await setup();
    expect(await refusal(channel.send({ ref: 'x', to: 'nowhere!', text: 'hello' }))).toMatchObject({ code: 'ESME_RINVDSTADR', isRetryable: false });
    expect(await refusal(channel.send({ ref: 'x', to: '', text: 'hello' }))).toMatchObject({ code: 'invalid_destination', isRetryable: false });
    expect(await refusal(channel.send(msg('x'.repeat(153 * 255 + 1))))).toMatchObject({ code: 'too_long', isRetryable: false });
  });

  it('names the parts accepted before a refusal; a retry given them sends only the others, with the same reference', async () => {
    const { smsc, channel } = await setup();
    smsc.faults.throttleEvery = 2; // the second part is refused
    const refused = await refusal(channel.send(msg(FRENCH, 'alert-1')));
    expect(refused).toMatchObject({ isRetryable: true });
    const first = smsc.submitted();
    expect(refused.accepted.map((a) => a.part).sort()).toEqual(first.map((p) => p.udh!.part).sort());
    expect(refused.accepted.length).toBeGreaterThan(0);
    smsc.faults.throttleEvery = 0;
    const result = await channel.send({ ...msg(FRENCH, 'alert-1'), accepted: refused.accepted });
    const parts = smsc.submitted();
    expect(parts.map((p) => p.udh?.part).sort()).toEqual([1, 2, 3]);
    expect(new Set(parts.map((p) => p.udh?.ref)).size).toBe(1);
    expect(result.messageIds).toEqual([1, 2, 3].map((n) => parts.find((p) => p.udh?.part === n)!.messageId));
  });

  it('completes a long message begun by another process (a restart) with the same reference', async () => {
    const { smsc, channel } = await setup();
    const before = await startedChannel(smsc, {});
    smsc.faults.throttleEvery = 2;
    const refused = await refusal(before.channel.send(msg(FRENCH, 'alert-2')));
    await before.channel.close();
    smsc.faults.throttleEvery = 0;
    await channel.send({ ...msg(FRENCH, 'alert-2'), accepted: refused.accepted });
    const parts = smsc.submitted();
    expect(parts.map((p) => p.udh?.part).sort()).toEqual([1, 2, 3]);
    expect(new Set(parts.map((p) => p.udh?.ref)).size).toBe(1);
  });

  it('reconnects after the SMSC drops the link mid-run; every message is then accepted exactly once', async () => {
    const { smsc, channel } = await setup();
    smsc.faults.dropAfter(3);
    const texts = Array.from({ length: 10 }, (_, i) => `alert ${i}`);
    await Promise.all(texts.map((text) => sendUntilAccepted(channel, msg(text))));
    expect(smsc.stats().binds).toBe(2);
    expect(channel.isConnected()).toBe(true);
    expect(smsc.submitted().map((e) => e.text).sort()).toEqual(texts);
  });

  it('drops a link whose SMSC stops answering, times out submissions, and comes back', async () => {
    const { smsc, channel } = await setup({}, { enquireLinkMs: 40, submitTimeoutMs: 80 });
    smsc.faults.isSilent = true;
    expect(await refusal(channel.send(msg('hello')))).toMatchObject({ code: 'timeout', isRetryable: true });
    await waitFor(() => !channel.isConnected(), 'the link to drop');
    smsc.faults.isSilent = false;
    expect(await channel.waitUntilConnected(2_000)).toBe(true);
    await expect(channel.send(msg('hello again'))).resolves.toBeTruthy();
  });

  it('keeps retrying a refused bind with growing delays, and stays disconnected meanwhile', async () => {
    const smsc = await startTestSmsc();
    cleanups.push(() => smsc.close());
    smsc.faults.refuseBinds = true;
    const { log, lines } = captureLog();
    const channel = nodeChannel(smsc, { log, reconnect: { initialMs: 10, maxMs: 40 } });
    cleanups.push(() => channel.close());
    await channel.start(recordingHandlers().handlers);
    await waitFor(() => smsc.stats().bindAttempts >= 5, 'five bind attempts');
    expect(channel.isConnected()).toBe(false);
    expect(await refusal(channel.send(msg('hello')))).toMatchObject({ code: 'not_bound', isRetryable: true });
    const delays = lines.filter((l) => l.msg === 'SMPP reconnection scheduled').map((l) => l.delayMs as number);
    expect(delays[0]).toBeLessThanOrEqual(10);
    expect(delays.slice(3).every((d) => d >= 20 && d <= 40)).toBe(true);
    expect(lines.some((l) => l.msg === 'the SMSC refused the bind' && l.status === 'ESME_RBINDFAIL')).toBe(true);

    smsc.faults.refuseBinds = false;
    expect(await channel.waitUntilConnected(2_000)).toBe(true);
  });

  it('waits for outstanding submissions when closing, then unbinds', async () => {
    const { smsc, channel } = await setup();
    smsc.faults.delayMs = 40;
    const sends = Array.from({ length: 5 }, (_, i) => channel.send(msg(`closing ${i}`)));
    await channel.close();
    const results = await Promise.all(sends);
    expect(results.every((r) => r.messageIds.length === 1)).toBe(true);
    expect(smsc.stats().unbinds).toBe(1);
    expect(channel.isConnected()).toBe(false);
    expect(await refusal(channel.send(msg('late')))).toMatchObject({ code: 'closed' });
  });

  it('gives up waiting after closeTimeoutMs when the SMSC does not answer', async () => {
    const { smsc, channel } = await setup({}, { closeTimeoutMs: 50 });
    smsc.faults.delayMs = 5_000;
    const sends = Array.from({ length: 3 }, (_, i) => refusal(channel.send(msg(`stuck ${i}`))));
    const started = Date.now();
    await channel.close();
    expect(Date.now() - started).toBeLessThan(1_500);
    for (const error of await Promise.all(sends)) expect(error).toMatchObject({ isRetryable: true });
  });

  it('survives a peer that sends garbage instead of SMPP, and keeps reconnecting', async () => {
    let connections = 0;
    // A PDU length of 4 GB: the smpp package throws while reading it and then stops reading that socket.
    const server = net.createServer((socket) => {
      connections++;
      socket.on('error', () => undefined);
      socket.resume(); // read, so that the client's close is noticed
      socket.end(Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 9]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { log, lines } = captureLog();
    const port = (server.address() as net.AddressInfo).port;
    const channel = createSmppChannel({ host: '127.0.0.1', port, ...NODE, systemType: '', window: 1, tps: 1, log, reconnect: { initialMs: 10, maxMs: 20 } });
    cleanups.push(() => channel.close());
    await channel.start(recordingHandlers().handlers);
    await waitFor(() => connections >= 3, 'three connections');
    expect(channel.isConnected()).toBe(false);
    expect(lines.some((l) => l.msg === 'SMPP connection error' && /too large/.test(String(l.err)))).toBe(true);
  });
});
