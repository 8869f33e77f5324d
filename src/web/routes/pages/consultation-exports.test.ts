import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeVotedConsultation } from '../../../../test/consultation-fixtures.js';
import { newId } from '../../../../test/factories.js';
import { readPolisFolder } from '../../../domain/consultation/polis/polis-import.js';

const t = useTestContext();
const get = (p: string) => t.app.request(p);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('consultation exports', () => {
  it('writes Polis’s files with its exact headers, integer ids and no personal data, and they read back', async () => {
    const { consultation: c, votes } = await makeVotedConsultation(t.ctx, { participants: 20, statements: 6 });
    const files: Record<string, string> = {};
    for (const name of ['comments.csv', 'participants-votes.csv', 'votes.csv']) {
      const res = await get(`/consultations/${c.id}/export/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      files[name] = await res.text();
      expect(files[name], name).not.toMatch(UUID);
      expect(files[name], name).not.toContain('@');
    }
    expect(files['comments.csv']!.split('\n')[0]).toBe('timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body');
    expect(files['participants-votes.csv']!.split('\n')[0]).toBe('participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2,3,4,5');
    expect(files['votes.csv']!.split('\n')[0]).toBe('timestamp,datetime,comment-id,voter-id,vote');

    const dir = mkdtempSync(path.join(tmpdir(), 'polis-'));
    try {
      for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
      const back = await readPolisFolder(dir);
      expect(back.comments).toHaveLength(6);
      expect(back.input.votes).toHaveLength(votes);
      expect([...back.polisGroups.keys()].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
      // group-id carries our opinion groups, the same as in the analysis.
      const analysis = (await (await get(`/consultations/${c.id}/export/analysis.json`)).json()) as { result: { participants: { id: string; group: number | null }[] } };
      expect(Object.fromEntries(back.polisGroups)).toEqual(Object.fromEntries(analysis.result.participants.map((p) => [p.id, p.group])));
      expect(new Set(back.polisGroups.values()).size).toBeGreaterThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the analysis as JSON, on the report’s link and in the API, participants under their numbers', async () => {
    const { consultation: c, votes } = await makeVotedConsultation(t.ctx, { participants: 12, statements: 4 });
    const file = await get(`/consultations/${c.id}/export/analysis.json`);
    expect(file.headers.get('content-disposition')).toContain('analysis.json');
    const api = await get(`/api/v1/consultations/${c.id}/analysis`);
    expect(api.status).toBe(200);
    const body = (await api.json()) as { votes: number; isStale: boolean; statements: { commentId: number }[]; result: { participants: { id: string }[] } };
    expect(body).toMatchObject({ consultationId: c.id, votes, votesSince: 0, isStale: false });
    expect(body.statements.map((s) => s.commentId)).toEqual([0, 1, 2, 3]);
    expect(body.result.participants.map((p) => p.id).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
    expect(JSON.parse(await file.text())).toEqual(body);
  });

  it('answers 404 for an unknown consultation, as a page and in the API', async () => {
    expect((await get(`/consultations/${newId()}/export/comments.csv`)).status).toBe(404);
    const api = await get(`/api/v1/consultations/${newId()}/analysis`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
