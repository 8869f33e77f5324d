import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { blockNumber } from '../src/domain/subscribers/subscriber-admin.service.js';
import { SYSTEM_ACTOR } from '../src/domain/subscribers/subscriber-permissions.js';
import { optOut, subscribe } from '../src/domain/subscribers/subscribers.service.js';
import { systemClock } from '../src/lib/clock.js';

// `passerelle subscriber …` in a child process, on an embedded database folder of its own.
const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-subscriber-'));
const dataDir = path.join(dir, 'data');
const env: Record<string, string | undefined> = { ...process.env, PASSERELLE_DATA: dataDir, LOG_LEVEL: 'silent', PASSERELLE_DEMO: 'false' };
delete env.DATABASE_URL;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [path.resolve('bin/passerelle.js'), ...args], { env, input: '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('passerelle subscriber', () => {
  it('exports a number as JSON and forgets it only when confirmed', { timeout: 180_000 }, async () => {
    expect(run(['migrate']).code).toBe(0);
    // Someone subscribes and stops by text message (the node is not running: one process at a time).
    const database = await openDatabase({ dataDir });
    const ctx = { db: database.db, clock: systemClock, cfg: { defaultLocale: 'fr' } };
    await subscribe(ctx, { phone: '+22790123456', topic: 'locusts', area: { kind: 'admin_area', code: 'NE:maradi' }, language: 'ha', channel: 'sms' });
    await optOut(ctx, { phone: '+22790123456', channel: 'sms' });
    await blockNumber(ctx, SYSTEM_ACTOR, { phone: '+22790123456', reason: 'flood' });
    await database.close();

    const exported = run(['subscriber', 'export', '90 12 34 56', '--country', 'NE']);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    const held = JSON.parse(exported.out);
    expect(held).toMatchObject({ phone: '+22790123456', subscriber: { language: 'ha', status: 'opted_out' }, block: { reason: 'flood' } });
    expect(held.subscriptions).toMatchObject([{ topic: 'locusts', area: { kind: 'admin_area', code: 'NE:maradi' } }]);
    expect(held.consentEvents.map((e: { channel: string; action: string }) => `${e.channel}:${e.action}`)).toEqual(['sms:subscribe', 'sms:opt_out']);

    const unconfirmed = run(['subscriber', 'forget', '+22790123456']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toContain('add --yes');
    expect(JSON.parse(run(['subscriber', 'export', '+22790123456']).out).subscriber).not.toBeNull();

    const forgotten = run(['subscriber', 'forget', '0022790123456', '--yes']);
    expect(forgotten.code).toBe(0);
    expect(forgotten.out.trim()).toBe('forgotten +227 •••• 3456: 1 subscriber, 1 subscriptions, 2 consent events, 1 block');
    expect(forgotten.out).not.toContain('90123456');
    expect(JSON.parse(run(['subscriber', 'export', '+22790123456']).out)).toEqual({ phone: '+22790123456', subscriber: null, subscriptions: [], consentEvents: [], block: null });
  });

  it('refuses something that is not a phone number', { timeout: 60_000 }, () => {
    const r = run(['subscriber', 'export', 'hello']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    // The message key until the interface catalogues translate it; never a stack trace.
    expect(r.err).toMatch(/^error: \S/);
    expect(r.err).not.toContain('DomainError');
    expect(r.err).toContain('phone:');
  });
});
