import { describe, expect, it } from 'vitest';
import { formatReceipt, parseReceipt } from './smpp-receipt.js';

const now = () => new Date('2026-01-01T00:00:00Z');

describe('delivery receipts', () => {
  it('reads the usual text', () => {
    const text = 'id:7b2a9f sub:001 dlvrd:001 submit date:2603051230 done date:2603051231 stat:DELIVRD err:000 text:Alerte criquets id:x';
    expect(parseReceipt({ text }, now)).toEqual({ messageId: '7b2a9f', state: 'delivered', at: new Date('2026-03-05T12:31:00Z'), text: 'Alerte criquets id:x' });
  });

  it('maps the states vendors write, and keeps a non-zero error', () => {
    const read = (stat: string, err = '000') => parseReceipt({ text: `id:1 stat:${stat} err:${err}` }, now);
    expect(read('UNDELIV', '034')).toMatchObject({ state: 'failed', errorCode: '034' });
    expect(read('UNDELIVERABLE')?.state).toBe('failed');
    expect(read('EXPIRED')?.state).toBe('expired');
    expect(read('REJECTD')?.state).toBe('rejected');
    expect(read('ACCEPTD')?.state).toBe('accepted');
    expect(read('ENROUTE')?.state).toBe('accepted');
    expect(read('DELETED')?.state).toBe('failed');
    expect(read('WHATEVER')?.state).toBe('unknown');
    expect(read('DELIVRD')).not.toHaveProperty('errorCode');
  });

  it('prefers the receipted_message_id and message_state TLVs, and reads the network error', () => {
    const r = parseReceipt({ text: 'id:999 stat:DELIVRD', receiptedMessageId: 'abc', messageState: 5, networkErrorCode: Buffer.from([3, 0, 27]) }, now);
    expect(r).toMatchObject({ messageId: 'abc', state: 'failed', errorCode: '3:27' });
  });

  it('gives null without a message id, and the current time without a done date', () => {
    expect(parseReceipt({ text: 'stat:DELIVRD' }, now)).toBeNull();
    expect(parseReceipt({ text: 'id:5 stat:DELIVRD' }, now)?.at).toEqual(now());
  });

  it('formats what it parses', () => {
    const text = formatReceipt({ messageId: 'm1', stat: 'DELIVRD', submittedAt: now(), doneAt: new Date('2026-01-01T10:20:00Z'), text: 'Pluie: 40 mm à Zinder' });
    expect(text).toMatch(/text:Pluie. 40 mm . Zinde$/); // 20 characters, ASCII only
    expect(parseReceipt({ text })).toEqual({ messageId: 'm1', state: 'delivered', at: new Date('2026-01-01T10:20:00Z'), text: 'Pluie. 40 mm . Zinde' });
  });
});
