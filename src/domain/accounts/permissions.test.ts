import { describe, expect, it } from 'vitest';
import type { Actor } from './accounts.js';
import { canAdoptPlan, canDecideAmendment, canDraftPlan, canEditHub, canEditPractice, canProposeAmendment, canSeeContacts, canViewPractice } from './permissions.js';

const hubA = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const hubB = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const actor = (role: NonNullable<Actor>['role'], hubIds: string[] = []): Actor => ({ id: `u-${role}`, role, hubIds, displayName: role, locale: null });

describe('permissions', () => {
  const practice = { createdBy: 'someone', hubIds: [hubA], status: 'draft' };

  it('limits hub edits to admins and the hub’s own coordinators', () => {
    expect(canEditHub(actor('coordinator', [hubA]), hubA)).toBe(true);
    expect(canEditHub(actor('coordinator', [hubB]), hubA)).toBe(false);
    expect(canEditHub(actor('curator'), hubA)).toBe(false);
    expect(canEditHub(actor('admin'), hubA)).toBe(true);
    expect(canEditHub(null, hubA)).toBe(false);
  });

  it('lets curators and the authoring hub edit a practice, nobody else', () => {
    expect(canEditPractice(actor('coordinator', [hubA]), practice)).toBe(true);
    expect(canEditPractice(actor('coordinator', [hubB]), practice)).toBe(false);
    expect(canEditPractice(actor('delegate'), practice)).toBe(false);
    expect(canEditPractice(actor('curator'), practice)).toBe(true);
  });

  it('hides drafts from readers who cannot edit them', () => {
    expect(canViewPractice(null, practice)).toBe(false);
    expect(canViewPractice(actor('coordinator', [hubB]), practice)).toBe(false);
    expect(canViewPractice(null, { ...practice, status: 'published' })).toBe(true);
  });

  it('shows contact details to signed-in members only', () => {
    expect(canSeeContacts(null)).toBe(false);
    expect(canSeeContacts(actor('delegate'))).toBe(true);
  });

  it('plans: curators draft, admins adopt, anyone signed in proposes; the owner’s members or an admin decide', () => {
    expect([canDraftPlan(actor('curator')), canDraftPlan(actor('admin')), canDraftPlan(actor('delegate')), canDraftPlan(null)]).toEqual([true, true, false, false]);
    expect([canAdoptPlan(actor('admin')), canAdoptPlan(actor('curator'))]).toEqual([true, false]);
    expect([canProposeAmendment(actor('delegate')), canProposeAmendment(null)]).toEqual([true, false]);
    expect(canDecideAmendment(actor('delegate'), 'org-1', 'org-1')).toBe(true);
    expect(canDecideAmendment(actor('delegate'), 'org-2', 'org-1')).toBe(false);
    expect(canDecideAmendment(actor('curator'), null, 'org-1')).toBe(false);
    // No owner: nobody's organisation matches, not even "none".
    expect(canDecideAmendment(actor('delegate'), null, null)).toBe(false);
    expect(canDecideAmendment(actor('admin'), null, null)).toBe(true);
    expect(canDecideAmendment(null, 'org-1', 'org-1')).toBe(false);
  });
});
