import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, outcomeOfError, retryDelayMs } from './retry.js';

describe('retryDelayMs', () => {
  it('doubles from the base up to the maximum, with jitter within half of it', () => {
    expect(retryDelayMs(1, { random: () => 0 })).toBe(500);
    expect(retryDelayMs(1, { random: () => 1 })).toBe(1000);
    expect(retryDelayMs(3, { random: () => 1 })).toBe(4000);
    expect(retryDelayMs(30, { random: () => 1, maxMs: 60_000 })).toBe(60_000);
    expect(retryDelayMs(30, { random: () => 0, maxMs: 60_000 })).toBe(30_000);
  });
});

describe('outcomeOfError', () => {
  it('retries what the SMSC refused or never saw, until the attempts run out', () => {
    expect(outcomeOfError({ code: 'throttled', isRetryable: true, message: 'slow down' }, 1)).toEqual({ kind: 'retry', error: 'throttled: slow down' });
    expect(outcomeOfError({ code: 'not_bound', isRetryable: true, message: 'x' }, MAX_ATTEMPTS).kind).toBe('failed');
  });
  it('treats a lost answer as uncertain, never as a plain retry', () => {
    expect(outcomeOfError({ code: 'timeout', isRetryable: true, message: 'no answer' }, 1).kind).toBe('uncertain');
    expect(outcomeOfError({ code: 'link_down', isRetryable: true, message: 'lost' }, 9).kind).toBe('uncertain');
  });
  it('fails permanent errors at once', () => {
    expect(outcomeOfError({ code: 'invalid_destination', isRetryable: false, message: 'bad number' }, 1)).toEqual({ kind: 'failed', error: 'invalid_destination: bad number' });
  });
});
