import { Hono } from 'hono';
import type { WebEnv } from '../../env.js';
import { adminBlockedNumberRoutes } from './admin-subscribers-blocked.js';
import { adminSubscriberDetailRoutes } from './admin-subscribers-detail.js';
import { adminSubscriberListRoutes } from './admin-subscribers.js';
import { adminRoutes } from './admin-users.js';
import { accountabilityCommitmentFormRoutes } from './accountability-commitment-forms.js';
import { accountabilityCommitmentRoutes } from './accountability-commitment.js';
import { accountabilityFormRoutes } from './accountability-forms.js';
import { accountabilityImportRoutes } from './accountability-import.js';
import { accountabilityImportsRoutes } from './accountability-imports.js';
import { accountabilityRoutes } from './accountability.js';
import { alertActionRoutes } from './alerts-actions.js';
import { alertImportRoutes } from './alerts-import.js';
import { alertFormRoutes } from './alerts-new.js';
import { alertPageRoutes } from './alerts-page.js';
import { alertListRoutes } from './alerts.js';
import { authRoutes } from './auth.js';
import { consultationExportRoutes } from './consultation-exports.js';
import { consultationReportRoutes } from './consultation-report.js';
import { consultationActionRoutes } from './consultation-actions.js';
import { consultationModerationRoutes } from './consultation-moderation.js';
import { consultationPageRoutes } from './consultation-page.js';
import { consultationListRoutes } from './consultations.js';
import { exchangeRoutes } from './exchanges.js';
import { homeRoutes } from './home.js';
import { hubRoutes } from './hubs.js';
import { practiceEditRoutes } from './practice-edit.js';
import { practiceHistoryRoutes } from './practice-history.js';
import { practiceListRoutes } from './practice-list.js';
import { planActionRoutes } from './plan-actions.js';
import { planNewRoutes } from './plan-new.js';
import { planTranslateRoutes } from './plan-translate.js';
import { planRoutes } from './plan.js';
import { processNewRoutes } from './processes-new.js';
import { processTranslateRoutes } from './processes-translate.js';
import { processRoutes } from './processes.js';
import { practicePageRoutes } from './practice-page.js';
import { searchRoutes } from './search.js';
import { stocktakeEditRoutes } from './stocktake-edit.js';
import { stocktakeImportRoutes } from './stocktake-import.js';
import { stocktakeRoutes } from './stocktake.js';

/** Server-rendered pages; each works with plain links and forms. Static paths come before `:id`. */
export function pageRoutes() {
  return new Hono<WebEnv>()
    .route('/', homeRoutes)
    .route('/', authRoutes)
    .route('/', adminRoutes)
    .route('/', adminSubscriberListRoutes)
    .route('/', adminSubscriberDetailRoutes)
    .route('/', adminBlockedNumberRoutes)
    .route('/', searchRoutes)
    .route('/', practiceListRoutes)
    .route('/', practiceEditRoutes)
    .route('/', practicePageRoutes)
    .route('/', practiceHistoryRoutes)
    .route('/', hubRoutes)
    .route('/', exchangeRoutes)
    // Alerts: list and feed, the form (new, update), CAP import, then the pages of one alert (/alerts/:uuid…).
    .route('/', alertListRoutes)
    .route('/', alertFormRoutes)
    .route('/', alertImportRoutes)
    .route('/', alertPageRoutes)
    .route('/', alertActionRoutes)
    // Consultations: list, page, votes and moderation. The report and exports (/consultations/:id/report,
    // /consultations/:id/export/*) are another module's, mounted after these.
    .route('/', consultationListRoutes)
    .route('/', consultationPageRoutes)
    .route('/', consultationActionRoutes)
    .route('/', consultationModerationRoutes)
    .route('/', consultationReportRoutes)
    .route('/', consultationExportRoutes)
    .route('/', processNewRoutes)
    .route('/', processRoutes)
    .route('/', processTranslateRoutes)
    // A process's stocktake: the form and the import (static paths) before the pages of one activity.
    .route('/', stocktakeEditRoutes)
    .route('/', stocktakeImportRoutes)
    .route('/', stocktakeRoutes)
    // Declaration and action plan: the pages, then the forms and actions on them, drafting and translations.
    .route('/', planRoutes)
    .route('/', planActionRoutes)
    .route('/', planNewRoutes)
    .route('/', planTranslateRoutes)
    // Commitments, progress and stories: the public page and the audio, then forms and the CSV import; a
    // commitment's own page and its forms (revise, withdraw, translate); the stored CSV import reports.
    .route('/', accountabilityRoutes)
    .route('/', accountabilityFormRoutes)
    .route('/', accountabilityImportRoutes)
    .route('/', accountabilityCommitmentRoutes)
    .route('/', accountabilityCommitmentFormRoutes)
    .route('/', accountabilityImportsRoutes);
}
