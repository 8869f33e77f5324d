import type { Actor } from './accounts.js';
import { isAdmin, isCurator } from './permissions.js';

/**
 * Who may do what in consultations, as pure functions. Services call these and throw `forbidden`;
 * pages call them to decide which buttons to show.
 */
type ConsultationRef = { createdBy: string | null };
type StatementRef = { authorUserId: string | null };

/** Admins and hub coordinators run consultations. */
export const canCreateConsultation = (a: Actor) => isAdmin(a) || a?.role === 'coordinator';

/** An admin closes any consultation; a coordinator the ones they opened. */
export const canCloseConsultation = (a: Actor, c: ConsultationRef) =>
  isAdmin(a) || (a?.role === 'coordinator' && c.createdBy === a.id);

export const canManageOrganisations = (a: Actor) => isAdmin(a);

/** A delegate votes for the organisation an admin attached them to. */
export const canJoinForOrganisation = (a: Actor, userOrganisationId: string | null, organisationId: string) =>
  a?.role === 'delegate' && userOrganisationId === organisationId;

/** A coordinator votes for a hub they coordinate (an admin does not speak for hubs). */
export const canJoinForHub = (a: Actor, hubId: string) => a?.role === 'coordinator' && a.hubIds.includes(hubId);

/** Curators (and admins) accept or reject statements and may propose statements without joining. */
export const canModerateStatements = (a: Actor) => isCurator(a);

/** Pending and rejected statements are seen by moderators and their author only. */
export const canSeeUnmoderated = (a: Actor, s: StatementRef) => isCurator(a) || (a !== null && s.authorUserId === a.id);

/** A translation changes what people vote on: curators and the statement's author add them. */
export const canTranslateStatement = canSeeUnmoderated;
