import type { Actor } from './accounts.js';

/**
 * Who may do what, as pure functions of the actor and the record. Services call these and throw
 * `forbidden`; pages call them to decide which buttons to show — the server check is the one that counts.
 */
type PracticeRef = { createdBy: string | null; hubIds: string[]; status: string };

export const isSignedIn = (a: Actor): a is NonNullable<Actor> => a !== null;
export const isAdmin = (a: Actor) => a?.role === 'admin';
export const isCurator = (a: Actor) => a?.role === 'curator' || a?.role === 'admin';

const coordinates = (a: Actor, hubIds: string[]) =>
  a?.role === 'coordinator' && hubIds.some((h) => a.hubIds.includes(h));

/** Contact details of hubs are for signed-in members of the network only. */
export const canSeeContacts = (a: Actor) => isSignedIn(a);

export const canCreateHub = (a: Actor) => isAdmin(a) || a?.role === 'coordinator';
export const canEditHub = (a: Actor, hubId: string) => isAdmin(a) || coordinates(a, [hubId]);
export const canTranslateHub = (a: Actor, hubId: string) => isCurator(a) || coordinates(a, [hubId]);

export const canCreatePractice = (a: Actor) => isCurator(a) || a?.role === 'coordinator';

/** Authors (the creator, or a coordinator of an authoring hub) edit their own; curators edit any. */
export function canEditPractice(a: Actor, p: PracticeRef): boolean {
  if (!a) return false;
  if (isCurator(a)) return true;
  if (a.role !== 'coordinator') return false;
  return p.createdBy === a.id || coordinates(a, p.hubIds);
}

export const canTranslatePractice = canEditPractice;
export const canModerate = (a: Actor) => isCurator(a);

/** Drafts and submissions are seen by their authors and curators; published and archived ones by all. */
export function canViewPractice(a: Actor, p: PracticeRef): boolean {
  return p.status === 'published' || p.status === 'archived' || canEditPractice(a, p);
}

export const canManageUsers = (a: Actor) => isAdmin(a);

/** Speaking for a hub (exchanges with peers): its coordinators, or an admin. */
export const canActForHub = (a: Actor, hubId: string) => isAdmin(a) || coordinates(a, [hubId]);

/** Creating processes and moving them from one phase to the next: admins only. */
export const canManageProcesses = (a: Actor) => isAdmin(a);

/**
 * Stocktakes: a member of an organisation (`users.organisation_id`) records and edits its activities; an admin
 * those of any organisation. Whether the process is in a stocktaking phase is checked apart (assertInPhase).
 */
export const canRecordStocktake = (a: Actor, actorOrganisationId: string | null, organisationId: string) =>
  isAdmin(a) || (isSignedIn(a) && actorOrganisationId !== null && actorOrganisationId === organisationId);

/**
 * Declaration and action plan: admins and curators draft documents and add action items; admins adopt. Any
 * signed-in person may propose an amendment and vote on one. An amendment is decided by a member of the
 * section's owner organisation or an admin (a section without an owner: admins only), whether on its merits
 * or by counting the votes. Phases and the document's status are checked apart.
 */
export const canDraftPlan = (a: Actor) => isCurator(a);
export const canAdoptPlan = (a: Actor) => isAdmin(a);
export const canProposeAmendment = (a: Actor) => isSignedIn(a);
export const canVoteOnAmendment = (a: Actor) => isSignedIn(a);
export const canDecideAmendment = (a: Actor, actorOrganisationId: string | null, ownerOrganisationId: string | null) =>
  isAdmin(a) || (isSignedIn(a) && ownerOrganisationId !== null && actorOrganisationId === ownerOrganisationId);
/**
 * Translating a document (its title and preamble, a section's current version, an action item's title) into
 * another language: those who draft (admins and curators), also once the document is adopted.
 */
export const canTranslatePlan = (a: Actor) => isCurator(a);

/**
 * Commitments and progress: a member of the committing organisation records its commitments and reports their
 * progress; an admin does so for any organisation. Phases are checked apart (assertInPhase).
 */
export const canRecordCommitment = (a: Actor, actorOrganisationId: string | null, organisationId: string) =>
  isAdmin(a) || (isSignedIn(a) && actorOrganisationId !== null && actorOrganisationId === organisationId);
export const canReportProgress = canRecordCommitment;
/** Revising or withdrawing a commitment (always with a reason, published): the same people as recording it. */
export const canEditCommitment = canRecordCommitment;
/** Translating a commitment's title and indicator: its organisation's members, admins and curators. */
export const canTranslateCommitment = (a: Actor, actorOrganisationId: string | null, organisationId: string) =>
  isCurator(a) || canRecordCommitment(a, actorOrganisationId, organisationId);
/**
 * A stored progress CSV report is seen by admins and the person who imported it: its rows may name other
 * organisations' commitments (an admin's batch for several, or a member's rows refused as not theirs).
 */
export const canSeeProgressImport = (a: Actor, importedBy: string | null) => isAdmin(a) || (isSignedIn(a) && importedBy !== null && a.id === importedBy);

/** Stories are a hub's own testimony: recorded by its coordinators (or an admin). */
export const canRecordStory = (a: Actor, hubId: string) => isAdmin(a) || coordinates(a, [hubId]);

/** Translating a process and its phases (or editing their texts in any language): admins and curators. */
export const canTranslateProcess = (a: Actor) => isCurator(a);

/** Linking a consultation to a process (or unlinking it): admins, like the rest of a process's set-up. */
export const canLinkConsultation = (a: Actor) => isAdmin(a);
