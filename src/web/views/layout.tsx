import type { Child } from 'hono/jsx';
import type { Actor } from '../../domain/accounts/accounts.js';
import { canManageUsers, canModerate } from '../../domain/accounts/permissions.js';
import { canManageSubscribers } from '../../domain/subscribers/subscriber-permissions.js';
import { isRtl, UI_LOCALES, type UiLocale } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { STYLESHEET } from '../static/assets.js';
import { CsrfField } from './forms.js';

/** What every page needs from the request to draw the frame around its content. */
export type PageEnv = { t: Translate; locale: UiLocale; actor: Actor; csrfToken: string; path: string };

const LOCALE_NAMES: Record<UiLocale, string> = { fr: 'Français', en: 'English', es: 'Español', ar: 'العربية' };

export function Layout(props: { env: PageEnv; title: string; children: Child; flash?: string }) {
  const { t, locale, actor, csrfToken, path } = props.env;
  return (
    <html lang={locale} dir={isRtl(locale) ? 'rtl' : 'ltr'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Passerelle`}</title>
        <link rel="stylesheet" href={STYLESHEET.path} />
        <link rel="icon" href="data:," />
      </head>
      <body>
        <a class="skip" href="#main">{t('nav.skip')}</a>
        <header class="site">
          <a class="brand" href="/">Passerelle</a>
          <nav class="main" aria-label={t('nav.label')}>
            <ul>
              <li><a href="/practices">{t('nav.practices')}</a></li>
              <li><a href="/hubs">{t('nav.hubs')}</a></li>
              <li><a href="/consultations">{t('consultation.nav')}</a></li>
              <li><a href="/processes">{t('process.nav')}</a></li>
              <li><a href="/alerts">{t('nav.alerts')}</a></li>
              {canModerate(actor) && <li><a href="/moderation">{t('nav.moderation')}</a></li>}
              {canManageUsers(actor) && <li><a href="/admin/users">{t('nav.users')}</a></li>}
              {canManageSubscribers(actor) && <li><a href="/admin/subscribers">{t('nav.subscribers')}</a></li>}
              {actor ? (
                <li><a href="/account">{t('nav.account')}</a></li>
              ) : (
                <li><a href={`/login?next=${encodeURIComponent(path)}`}>{t('nav.sign_in')}</a></li>
              )}
            </ul>
          </nav>
          <form class="langs" method="post" action="/locale" aria-label={t('nav.language')}>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="next" value={path} />
            {UI_LOCALES.map((l) => (
              <button type="submit" name="locale" value={l} lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'} aria-pressed={l === locale ? 'true' : 'false'}>
                {LOCALE_NAMES[l]}
              </button>
            ))}
          </form>
        </header>
        <main id="main">
          {props.flash && <p class="flash" role="status">{props.flash}</p>}
          {props.children}
        </main>
        <footer class="site">{t('footer.text')}</footer>
      </body>
    </html>
  );
}
