import type { Actor } from '../accounts/accounts.js';

/** Alert authorities on a node: its admins and curators, and hub coordinators for their own areas. */
export const canAuthorAlert = (a: Actor): boolean => a !== null && (a.role === 'admin' || a.role === 'curator' || a.role === 'coordinator');

/** A second person approves: an admin or curator who did not write the alert. */
export const canApproveAlert = (a: Actor, alert: { createdBy: string | null }): boolean =>
  a !== null && (a.role === 'admin' || a.role === 'curator') && a.id !== alert.createdBy;

/** Progress shows who received what in counts only; no numbers. */
export const canSeeAlertProgress = (a: Actor): boolean => canAuthorAlert(a);
