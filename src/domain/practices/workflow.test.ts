import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/accounts.js';
import { availableActions, checkTransition } from './workflow.js';

const hub = '11111111-1111-4111-8111-111111111111';
const author: Actor = { id: 'a', role: 'coordinator', hubIds: [hub], displayName: 'A', locale: null };
const otherCoordinator: Actor = { id: 'b', role: 'coordinator', hubIds: ['22222222-2222-4222-8222-222222222222'], displayName: 'B', locale: null };
const curator: Actor = { id: 'c', role: 'curator', hubIds: [], displayName: 'C', locale: null };
const draft = { status: 'draft' as const, createdBy: 'a', hubIds: [hub] };
const submitted = { ...draft, status: 'submitted' as const };

describe('practice workflow', () => {
  it('lets the author submit a draft, not publish it', () => {
    expect(checkTransition(author, draft, 'submit', '')).toEqual({ ok: true, to: 'submitted' });
    expect(checkTransition(author, submitted, 'publish', '')).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('lets a coordinator of an authoring hub act even if someone else created it', () => {
    const byColleague = { ...draft, createdBy: 'z' };
    expect(checkTransition(author, byColleague, 'submit', '').ok).toBe(true);
    expect(checkTransition(otherCoordinator, byColleague, 'submit', '')).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('lets a curator publish a submission and requires a comment to return it', () => {
    expect(checkTransition(curator, submitted, 'publish', '')).toEqual({ ok: true, to: 'published' });
    expect(checkTransition(curator, submitted, 'return', '  ')).toEqual({ ok: false, reason: 'comment_required' });
    expect(checkTransition(curator, submitted, 'return', 'Add sources')).toEqual({ ok: true, to: 'draft' });
  });

  it('refuses actions the status does not allow', () => {
    expect(checkTransition(curator, draft, 'archive', '')).toEqual({ ok: false, reason: 'wrong_status' });
    expect(checkTransition(author, submitted, 'submit', '')).toEqual({ ok: false, reason: 'wrong_status' });
  });

  it('offers anonymous readers nothing', () => {
    expect(availableActions(null, { ...draft, status: 'published' })).toEqual([]);
    expect(availableActions(curator, { ...draft, status: 'published' })).toEqual(['archive', 'comment']);
  });
});
