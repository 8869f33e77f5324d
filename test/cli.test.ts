import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hubData, newId, practiceData } from './factories.js';

// The real command line, in a child process, on its own embedded database folder.
const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-cli-'));
const bin = path.resolve('bin/passerelle.js');
const env = { ...process.env, PASSERELLE_DATA: path.join(dir, 'data'), LOG_LEVEL: 'silent', PASSERELLE_DEMO: 'false', DATABASE_URL: '' };
delete (env as Record<string, string | undefined>).DATABASE_URL;

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('passerelle command line', () => {
  it('prints help for every command', { timeout: 120_000 }, () => {
    for (const cmd of ['start', 'migrate', 'seed', 'user', 'export', 'import']) {
      const r = run([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.out).toContain(`Usage: passerelle ${cmd}`);
    }
  });

  it('migrates, adds the first admin, imports, exports, and refuses bad files clearly', { timeout: 180_000 }, () => {
    expect(run(['migrate']).code).toBe(0);
    const added = run(['user', 'add', '--role', 'admin', '--email', 'first@example.org', '--password-stdin'], 'a long enough password\n');
    expect(added.out).toContain('created admin first@example.org');
    const weak = run(['user', 'add', '--role', 'admin', '--email', 'second@example.org', '--password-stdin'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('At least 10 characters.');

    const { text, contactName: _a, contactEmail: _b, contactPhone: _c, ...hub } = hubData();
    const hubRecord = { id: newId(), ...hub, texts: { fr: text } };
    const { text: ptext, ...facts } = practiceData({ hubIds: [hubRecord.id] });
    const good = { id: newId(), status: 'published', ...facts, texts: { fr: ptext } };
    const bad = { ...good, id: newId(), countries: ['ZZ'] };
    const file = path.join(dir, 'open-data.json');
    writeFileSync(file, JSON.stringify({ format: 'passerelle-open-data', version: 1, hubs: [hubRecord], practices: [good, bad] }));

    const first = run(['import', file]);
    expect(first.code).toBe(2); // one record rejected
    expect(first.out).toContain('practices: 1 imported, 0 skipped, 1 rejected');
    expect(first.out).toContain(`(${bad.id}): invalid — countries.0: Not an ISO 3166 country code.`);
    const second = run(['import', file]);
    expect(second.out).toContain('practices: 0 imported, 1 skipped, 1 rejected');

    const exported = run(['export', '-o', path.join(dir, 'out.json')]);
    expect(exported.code).toBe(0);
    const out = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
    expect(out.practices.map((p: { id: string }) => p.id)).toEqual([good.id]);
    expect(run(['export', '--csv', 'hubs']).out.split('\n')[0]).toMatch(/^id,url,name,kind/);

    writeFileSync(path.join(dir, 'broken.json'), '{"format": "passerelle-open-data", ');
    const broken = run(['import', path.join(dir, 'broken.json')]);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('The file is not valid JSON');
  });
});
