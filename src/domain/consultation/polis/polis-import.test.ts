import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import { analyzeConsultation } from '../analysis/analyze.js';
import { syntheticConsultation } from '../analysis/synthetic.js';
import { polisDatetime, toPolisExport } from './polis-export.js';
import { readPolisFolder } from './polis-import.js';

const root = mkdtempSync(path.join(tmpdir(), 'passerelle-polis-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COMMENTS = `timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
1500000000000,Fri Jul 14 02:40:00 UTC 2017,0,0,2,0,1,"Plain, with a comma"
1500000001000,Fri Jul 14 02:40:01 UTC 2017,1,1,0,1,1,"Two
lines"
1500000002000,Fri Jul 14 02:40:02 UTC 2017,2,1,1,0,-1,Moderated out
`;
const VOTES = `timestamp,datetime,comment-id,voter-id,vote
1500000010000,x,0,0,-1
1500000005000,x,0,0,1
1500000020000,x,0,1,1
1500000030000,x,1,1,-1
1500000040000,x,2,1,1
`;
const PARTICIPANTS = `participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2
0,,1,1,0,1,-1,,
1,0,2,3,2,1,1,-1,1
`;

let n = 0;
function folder(files: Record<string, string | null>) {
  const dir = path.join(root, `f${n++}`);
  mkdirSync(dir);
  const all: Record<string, string | null> = { 'comments.csv': COMMENTS, 'votes.csv': VOTES, 'participants-votes.csv': PARTICIPANTS, ...files };
  for (const [name, text] of Object.entries(all)) if (text !== null) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function refusal(files: Record<string, string | null>, opts = {}): Promise<string> {
  const error = await readPolisFolder(folder(files), opts).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('invalid');
  return (error as DomainError).message;
}

describe('reading a Polis export folder', () => {
  it('keeps the last vote per participant and comment, and flags moderated-out comments', async () => {
    const c = await readPolisFolder(folder({}));
    expect(c.voteRows).toBe(5);
    expect(c.input.votes).toHaveLength(4);
    // voter 0 voted 1 at t=5000, then -1 at t=10000 (rows out of order in the file): -1 stands
    expect(c.input.votes.find((v) => v.participantId === '0')).toEqual({ participantId: '0', statementId: '0', value: -1 });
    expect(c.input.statements).toEqual([{ id: '0', isModeratedOut: false }, { id: '1', isModeratedOut: false }, { id: '2', isModeratedOut: true }]);
    expect(c.comments[1]).toMatchObject({ id: '1', authorId: '1', text: 'Two\nlines', moderated: 1 });
    expect(c.comments[0]!.createdAt.toISOString()).toBe('2017-07-14T02:40:00.000Z');
    expect([...c.polisGroups]).toEqual([['0', null], ['1', 0]]);
  });

  it('refuses a folder with a missing file', async () => {
    expect(await refusal({ 'votes.csv': null })).toMatch(/has no votes\.csv/);
  });

  it('refuses wrong headers, naming the missing column', async () => {
    expect(await refusal({ 'votes.csv': VOTES.replace('voter-id', 'voter') })).toMatch(/votes\.csv has no "voter-id" column/);
    expect(await refusal({ 'participants-votes.csv': PARTICIPANTS.replace('group-id', 'group') })).toMatch(/"group-id"/);
  });

  it('refuses unknown ids', async () => {
    expect(await refusal({ 'votes.csv': `${VOTES}1500000050000,x,7,1,1\n` })).toMatch(/votes\.csv line 7: comment 7 is not in comments\.csv/);
    expect(await refusal({ 'participants-votes.csv': PARTICIPANTS.replace(',0,1,2\n', ',0,1,9\n') })).toMatch(/column for comment "9"/);
    expect(await refusal({ 'participants-votes.csv': PARTICIPANTS.split('\n').slice(0, 2).join('\n') })).toMatch(/participant 1, who has no row/);
  });

  it('refuses cells that are not numbers or votes, with file and line', async () => {
    expect(await refusal({ 'votes.csv': VOTES.replace('1500000020000,x,0,1,1', '1500000020000,x,0,1,yes') })).toMatch(/votes\.csv line 4, column "vote": "yes" is not a vote/);
    expect(await refusal({ 'votes.csv': VOTES.replace('1500000020000', '15e9') })).toMatch(/line 4, column "timestamp": "15e9" is not a whole number/);
    expect(await refusal({ 'comments.csv': COMMENTS.replace(',-1,Moderated', ',5,Moderated') })).toMatch(/"moderated" is 5/);
    expect(await refusal({ 'participants-votes.csv': PARTICIPANTS.replace('1,-1,1\n', '1,2,1\n') })).toMatch(/"2" is not a vote/);
    expect(await refusal({ 'votes.csv': `${VOTES}1,2,3\n` })).toMatch(/not a valid CSV file/);
  });

  it('refuses files over the size limit before reading them', async () => {
    expect(await refusal({}, { maxFileBytes: 100 })).toBe(`comments.csv is ${Buffer.byteLength(COMMENTS)} bytes; the limit is 100 bytes.`);
  });
});

describe('writing the Polis export format', () => {
  it('writes what the reader reads back, groups included', async () => {
    const { input } = syntheticConsultation({ participants: 40, statements: 12, camps: 2, density: 0.9, noise: 0.1, seed: 5 });
    const analysis = analyzeConsultation(input, { stabilityRuns: 0 });
    const statements = input.statements.map((s, i) => ({ id: s.id, text: `Statement "${i}", with a comma`, authorId: 'p1', createdAt: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), moderated: 1 as const }));
    const out = toPolisExport(statements, input.votes, analysis);
    expect(out.files['comments.csv'].split('\n')[1]).toMatch(/^1704164645000,Tue Jan 02 03:04:05 UTC 2024,0,\d+,\d+,\d+,1,"Statement ""0"", with a comma"$/);
    const dir = folder(out.files);
    const back = await readPolisFolder(dir);
    expect(back.input.votes).toHaveLength(input.votes.length);
    const again = analyzeConsultation(back.input, { stabilityRuns: 0 });
    expect(again.k).toBe(analysis.k);
    for (const p of analysis.participants) expect(back.polisGroups.get(out.participantIds.get(p.id)!)).toBe(p.group);
    const text = new Map(back.comments.map((c) => [c.id, c.text]));
    for (const s of statements) expect(text.get(out.statementIds.get(s.id)!)).toBe(s.text);
  });

  it('writes dates as Java does, in UTC', () => {
    expect(polisDatetime(new Date(Date.UTC(2017, 6, 17, 9, 10, 15)))).toBe('Mon Jul 17 09:10:15 UTC 2017');
  });
});
