import { describe, expect, it } from 'vitest';
import { backoffDelay } from './smpp-link.js';
import { parseSmppUrl } from './smpp-url.js';

describe('parseSmppUrl', () => {
  it('reads credentials, host, port and options, with defaults', () => {
    expect(parseSmppUrl('smpp://node%201:p%40ss@smsc.example.org:2776?system_type=VMA&source=%2B22720000000&window=5&tps=30')).toEqual({
      host: 'smsc.example.org',
      port: 2776,
      systemId: 'node 1',
      password: 'p@ss',
      systemType: 'VMA',
      source: '+22720000000',
      window: 5,
      tps: 30,
    });
    expect(parseSmppUrl('smpp://passerelle:secret@127.0.0.1')).toMatchObject({ port: 2775, window: 10, tps: 100, systemType: '' });
    // A literal "+" stays a "+": query strings usually make it a space.
    expect(parseSmppUrl('smpp://a:b@h?source=+22790000001').source).toBe('+22790000001');
  });

  it('refuses what it cannot use, without repeating the password', () => {
    expect(() => parseSmppUrl('http://a:b@h')).toThrow(/scheme must be smpp:/);
    expect(() => parseSmppUrl('smpp://h:2775')).toThrow(/systemId/);
    expect(() => parseSmppUrl('smpp://a:topsecret@h?window=0')).toThrow(/window/);
    expect(() => parseSmppUrl('smpp://a:topsecret@h?tps=fast')).not.toThrow(/topsecret/);
    expect(() => parseSmppUrl('not a url')).toThrow(/Invalid SMPP URL/);
  });
});

describe('backoffDelay', () => {
  it('doubles from the first delay to the cap, with jitter in the upper half', () => {
    const opts = { initialMs: 1_000, maxMs: 60_000 };
    expect(backoffDelay(0, opts, () => 0)).toBe(500);
    expect(backoffDelay(0, opts, () => 1)).toBe(1_000);
    expect(backoffDelay(3, opts, () => 1)).toBe(8_000);
    expect(backoffDelay(20, opts, () => 0.5)).toBe(45_000);
    expect(backoffDelay(1_000, opts, () => 1)).toBe(60_000);
  });
});
