import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `passerelle consult analyze` in a child process: no database is opened.
const polis = path.resolve('..', 'shared', 'data', 'polis');
const brexit = path.join(polis, 'brexit-consensus');
const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-consult-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Import runs on a PGlite folder of its own, whatever DATABASE_URL says.
const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', PASSERELLE_DEMO: 'false', PASSERELLE_DATA: path.join(dir, 'data') };
delete env.DATABASE_URL;

function run(args: string[]) {
  const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['src/cli/index.ts', ...args], { encoding: 'utf8', timeout: 60_000, env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!existsSync(brexit))('passerelle consult analyze', () => {
  it('prints the analysis of a Polis folder as JSON', { timeout: 90_000 }, () => {
    const r = run(['consult', 'analyze', '--polis', brexit, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.participants).toHaveLength(204);
    for (const p of json.participants) {
      expect(typeof p.id).toBe('string');
      expect(p.group === null || Number.isInteger(p.group)).toBe(true);
    }
    expect(json.participants.find((p: { id: string }) => p.id === '0').group).not.toBeNull();
    expect(json.k).toBe(2);
    expect(json.groups).toHaveLength(2);
    expect(json.groups[0].representative[0]).toEqual(expect.objectContaining({ statementId: expect.any(String), repfulFor: expect.stringMatching(/^(agree|disagree)$/) }));
    expect(json.consensus.agree.length).toBeGreaterThan(0);
    expect(json.stability.meanAdjustedRand).toBeGreaterThan(0);
    expect(json.polis.k).toBe(2);
    expect(json.polis.adjustedRandIndex).toBeGreaterThan(0.8);
    expect(json.statements).toHaveLength(50);
  });

  it('prints a short summary without --json', { timeout: 90_000 }, () => {
    const r = run(['consult', 'analyze', '--polis', brexit, '--seed', '3']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/204 participants \(\d+ clustered\)/);
    expect(r.out).toMatch(/opinion groups: 2 \(\d+, \d+\)/);
    expect(r.out).toContain("Polis's own groups: 2");
  });

  it('fails with a clear message on a folder with a missing file, or a bad seed', { timeout: 90_000 }, () => {
    copyFileSync(path.join(brexit, 'comments.csv'), path.join(dir, 'comments.csv'));
    copyFileSync(path.join(brexit, 'votes.csv'), path.join(dir, 'votes.csv'));
    const missing = run(['consult', 'analyze', '--polis', dir, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err.trim()).toBe(`error: The Polis folder ${dir} has no participants-votes.csv.`);
    const seed = run(['consult', 'analyze', '--polis', brexit, '--seed', 'abc']);
    expect(seed.code).toBe(1);
    expect(seed.err).toContain('--seed takes a whole number');
  });
});

describe.skipIf(!existsSync(brexit))('passerelle consult import-polis', () => {
  it('stores the conversation and says what it stored; a broken folder opens no database', { timeout: 120_000 }, () => {
    const r = run(['consult', 'import-polis', brexit, '--title', 'Brexit consensus']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^consultation [0-9a-f-]{36}: 204 participants, 50 statements, \d{4} votes$/);
    const broken = path.join(dir, 'broken');
    const bad = run(['consult', 'import-polis', broken]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('error: ');
    expect(existsSync(path.join(broken, 'data'))).toBe(false);
  });
});
