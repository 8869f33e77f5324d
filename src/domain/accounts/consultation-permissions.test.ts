import { describe, expect, it } from 'vitest';
import type { Actor } from './accounts.js';
import {
  canCloseConsultation, canCreateConsultation, canJoinForHub, canJoinForOrganisation, canManageOrganisations,
  canModerateStatements, canSeeUnmoderated, canTranslateStatement,
} from './consultation-permissions.js';

const as = (role: NonNullable<Actor>['role'], id = 'u1', hubIds: string[] = []): Actor => ({ id, role, hubIds, displayName: id, locale: null });
const admin = as('admin', 'a');
const curator = as('curator', 'c');
const coordinator = as('coordinator', 'h', ['hub1']);
const delegate = as('delegate', 'd');

describe('consultation permissions', () => {
  it('lets admins and coordinators open consultations, and only admins or the opener close one', () => {
    expect([admin, curator, coordinator, delegate, null].map(canCreateConsultation)).toEqual([true, false, true, false, false]);
    expect(canCloseConsultation(admin, { createdBy: 'someone' })).toBe(true);
    expect(canCloseConsultation(coordinator, { createdBy: 'h' })).toBe(true);
    expect(canCloseConsultation(coordinator, { createdBy: 'someone' })).toBe(false);
    expect(canCloseConsultation(curator, { createdBy: 'c' })).toBe(false);
  });

  it('keeps organisations to admins', () => {
    expect([admin, curator, coordinator, delegate, null].map(canManageOrganisations)).toEqual([true, false, false, false, false]);
  });

  it('lets a delegate speak for their own organisation and a coordinator for their own hub', () => {
    expect(canJoinForOrganisation(delegate, 'org1', 'org1')).toBe(true);
    expect(canJoinForOrganisation(delegate, 'org1', 'org2')).toBe(false);
    expect(canJoinForOrganisation(delegate, null, 'org1')).toBe(false);
    expect(canJoinForOrganisation(admin, 'org1', 'org1')).toBe(false);
    expect(canJoinForHub(coordinator, 'hub1')).toBe(true);
    expect(canJoinForHub(coordinator, 'hub2')).toBe(false);
    expect(canJoinForHub(admin, 'hub1')).toBe(false);
  });

  it('gives moderation to curators and admins, unmoderated statements also to their author', () => {
    expect([admin, curator, coordinator, delegate, null].map(canModerateStatements)).toEqual([true, true, false, false, false]);
    expect(canSeeUnmoderated(delegate, { authorUserId: 'd' })).toBe(true);
    expect(canSeeUnmoderated(delegate, { authorUserId: 'x' })).toBe(false);
    expect(canSeeUnmoderated(null, { authorUserId: null })).toBe(false);
    expect(canTranslateStatement(curator, { authorUserId: 'x' })).toBe(true);
  });
});
