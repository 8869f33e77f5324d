import type { Actor } from '../accounts/accounts.js';
import { isAdmin } from '../accounts/permissions.js';

/**
 * Phone numbers are personal data: only admins list, export, forget or block them. Pure, like
 * `accounts/permissions.ts`; services call it and throw `forbidden`.
 */
export const canManageSubscribers = (a: Actor) => isAdmin(a);

/**
 * The node's operator at its command line (`passerelle subscriber …`): whoever has the shell has the
 * database, so the CLI acts with an admin's rights. Not a user: nothing it writes points to a user row.
 */
export const SYSTEM_ACTOR: NonNullable<Actor> = { id: 'system', role: 'admin', hubIds: [], displayName: 'system', locale: null };

export const isSystemActor = (a: Actor) => a?.id === SYSTEM_ACTOR.id;
