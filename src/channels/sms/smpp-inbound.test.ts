import { afterEach, describe, expect, it } from 'vitest';
import { captureLog, startedChannel, startTestSmsc, waitFor } from '../../../test/smsc.js';
import type { LocalSmscOptions } from './local-smsc.js';
import type { SmppChannelOptions } from './smpp.channel.js';
import { encodeGsm7 } from './smpp-gsm7.js';
import { buildConcatUdh } from './smpp-segments.js';
import { STATUS } from './smpp-status.js';

// Messages from handsets, delivered by a real local SMSC over loopback.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(smscOptions: Partial<LocalSmscOptions> = {}, channelOptions: Partial<SmppChannelOptions> = {}) {
  const smsc = await startTestSmsc(smscOptions);
  cleanups.push(() => smsc.close());
  const { log, lines } = captureLog();
  const started = await startedChannel(smsc, { log, ...channelOptions });
  cleanups.push(() => started.channel.close());
  return { smsc, lines, ...started };
}

const FROM = '+22790000002';
const fromPhone = { source_addr: '22790000002', source_addr_ton: 1, source_addr_npi: 1, destination_addr: 'PASSERELLE', dest_addr_ton: 5 };
const attempts = (deliveries: { isReceipt: boolean; status: unknown }[]) => deliveries.filter((d) => !d.isReceipt).map((d) => d.status);

describe('SMPP channel: receiving', () => {
  it('hands GSM, UCS-2 and concatenated messages to onInbound with the right text', async () => {
    const { smsc, inbound } = await setup();
    const long = 'Bonjour, je cherche des informations sur le paludisme et les moustiquaires pour le village. '.repeat(4);
    await smsc.deliver(FROM, 'PASSERELLE', 'FIND paludisme');
    await smsc.deliver(FROM, 'PASSERELLE', 'ابحث عن الملاريا');
    await smsc.deliver(FROM, 'PASSERELLE', long);
    expect(inbound.map((m) => m.text)).toEqual(['FIND paludisme', 'ابحث عن الملاريا', long]);
    expect(inbound[0]).toMatchObject({ from: FROM, to: 'PASSERELLE', channel: 'smpp', receivedAt: expect.any(Date) });
    expect(attempts(smsc.stats().deliveries)).toEqual([0, 0, 0, 0, 0]); // 1 + 1 + 3 parts, each acknowledged once
  });

  it('puts together a 1,000-character message, in parts or in one message_payload', async () => {
    const { smsc, inbound } = await setup();
    const text = 'SUB sante Maradi. '.repeat(56).slice(0, 1000);
    await smsc.deliver(FROM, 'PASSERELLE', text);
    await smsc.deliverPdu({ ...fromPhone, data_coding: 0, short_message: Buffer.alloc(0), message_payload: encodeGsm7(text) });
    expect(inbound.map((m) => m.text)).toEqual([text, text]);
  });

  it('answers ESME_RX_T_APPN when the handler fails, so the SMSC delivers again', async () => {
    const { smsc, inbound, failNext, state } = await setup();
    failNext(1);
    await smsc.deliver(FROM, 'PASSERELLE', 'STOP');
    expect(attempts(smsc.stats().deliveries)).toEqual([STATUS.TEMPORARY_APP_ERROR, STATUS.OK]);
    expect(state.calls).toBe(2);
    expect(inbound.map((m) => m.text)).toEqual(['STOP']);
  });

  it('keeps the parts of a concatenated message until its handler succeeds', async () => {
    const { smsc, inbound, failNext } = await setup();
    const text = 'INFO '.repeat(80);
    failNext(1);
    await smsc.deliver(FROM, 'PASSERELLE', text);
    // Parts 1 and 2 are acknowledged as stored; the last one fails once and, delivered again, completes the text.
    expect(attempts(smsc.stats().deliveries).sort()).toEqual([0, 0, 0, STATUS.TEMPORARY_APP_ERROR]);
    expect(inbound.map((m) => m.text)).toEqual([text]);
  });

  it('delivers what arrived of a concatenated message when the rest never comes', async () => {
    const { smsc, inbound, lines } = await setup({}, { reassemblyTimeoutMs: 30 });
    const part = (seq: number, text: string) => ({ ...fromPhone, esm_class: 0x40, data_coding: 0, short_message: Buffer.concat([buildConcatUdh({ ref: 42, total: 3, seq }), encodeGsm7(text)]) });
    await smsc.deliverPdu(part(3, 'the end.'));
    await smsc.deliverPdu(part(1, 'The start, '));
    await waitFor(() => inbound.length === 1, 'the incomplete message');
    expect(inbound[0]!.text).toBe('The start, the end.');
    expect(lines.some((l) => l.msg === 'concatenated message incomplete; delivering the parts received' && l.parts === 2)).toBe(true);
  });

  it('hands delivery receipts to onReceipt', async () => {
    const { channel, receipts } = await setup();
    const { messageIds } = await channel.send({ ref: 'r1', to: '+22790000001', text: 'Alerte criquets' });
    await waitFor(() => receipts.length === 1, 'the receipt');
    expect(receipts[0]).toMatchObject({ messageId: messageIds[0], state: 'delivered', at: expect.any(Date) });
  });

  it('acknowledges and drops binary and undecodable bodies with a log line, and goes on working', async () => {
    const { smsc, inbound, lines, channel } = await setup();
    await smsc.deliverPdu({ ...fromPhone, data_coding: 4, short_message: Buffer.from([0xde, 0xad, 0xbe, 0xef]) });
    await smsc.deliverPdu({ ...fromPhone, data_coding: 0xf5, esm_class: 0x40, short_message: Buffer.from([0x06, 0x05, 0x04, 0x0b, 0x84, 0x23, 0xf0, 0x01]) });
    await smsc.deliverPdu({ ...fromPhone, data_coding: 8, short_message: Buffer.from([0x00, 0x41, 0x00]) });
    await smsc.deliverPdu({ ...fromPhone, data_coding: 0, esm_class: 0x40, short_message: Buffer.from([0x09, 0x00, 0x03, 0x01]) });
    await smsc.deliverPdu({ ...fromPhone, data_coding: 0, short_message: Buffer.alloc(0) });
    expect(attempts(smsc.stats().deliveries)).toEqual([0, 0, 0, 0, 0]);
    expect(lines.filter((l) => l.msg === 'binary inbound message dropped')).toHaveLength(2);
    expect(lines.some((l) => l.msg === 'undecodable inbound message dropped')).toBe(true);
    expect(lines.some((l) => l.msg === 'inbound message with a malformed UDH dropped')).toBe(true);
    // An empty body is still a message: the commands answer it with help.
    expect(inbound.map((m) => m.text)).toEqual(['']);
    await smsc.deliver(FROM, 'PASSERELLE', 'HELP');
    expect(inbound.map((m) => m.text)).toEqual(['', 'HELP']);
    expect(channel.isConnected()).toBe(true);
  });
});
