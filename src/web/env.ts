import type { AppContext } from '../context.js';
import type { Actor } from '../domain/accounts/accounts.js';
import type { UiLocale } from '../domain/taxonomy/index.js';
import type { Translate } from './i18n/i18n.js';

/** What every request carries once the middleware has run. */
export type WebEnv = {
  Variables: {
    ctx: AppContext;
    requestId: string;
    actor: Actor;
    locale: UiLocale;
    t: Translate;
    csrfToken: string;
  };
};
