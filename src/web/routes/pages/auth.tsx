import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  changePassword, createApiToken, listApiTokens, revokeApiToken, setLocale, signIn, signOut,
} from '../../../domain/accounts/accounts.service.js';
import { DomainError } from '../../../domain/errors.js';
import type { WebEnv } from '../../env.js';
import { isUiLocale } from '../../i18n/i18n.js';
import { clientAddress } from '../../middleware/client-address.js';
import { LOCALE_COOKIE } from '../../middleware/locale.js';
import { SESSION_COOKIE } from '../../middleware/session.js';
import { CsrfField, ErrorSummary, RequiredNote, TextField } from '../../views/forms.js';
import { formatDate } from '../../views/labels.js';
import { flashOf, render, safeNext, seeOther } from './page.js';

function LoginForm(props: { c: Context<WebEnv>; email?: string; errors?: Record<string, string>; message?: string }) {
  const { c } = props;
  const t = c.get('t');
  const f = { t, errors: props.errors ?? {} };
  return (
    <>
      <h1>{t('login.title')}</h1>
      {props.message && <p class="errors" role="alert">{props.message}</p>}
      <form method="post" action="/login" novalidate>
        <CsrfField token={c.get('csrfToken')} />
        <ErrorSummary f={f} labels={{ email: t('login.email'), password: t('login.password') }} />
        <RequiredNote t={t} />
        <input type="hidden" name="next" value={safeNext(c.req.query('next'))} />
        <TextField f={f} name="email" type="email" label={t('login.email')} value={props.email} required autocomplete="username" maxlength={254} />
        <TextField f={f} name="password" type="password" label={t('login.password')} required autocomplete="current-password" maxlength={256} />
        <div class="actions"><button type="submit">{t('login.submit')}</button></div>
      </form>
    </>
  );
}

async function accountPage(c: Context<WebEnv>, errors: Record<string, string> = {}, newToken?: string) {
  const t = c.get('t');
  const actor = c.get('actor');
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  const tokens = await listApiTokens(c.get('ctx'), actor);
  const f = { t, errors };
  const csrf = <CsrfField token={c.get('csrfToken')} />;
  return render(c, t('account.title'), (
    <>
      <h1>{t('account.title')}</h1>
      <p>{t('account.signed_in_as', { name: actor.displayName, role: t(`role.${actor.role}`) })}</p>
      <p><a href="/practices?mine=1">{t('practices.mine')}</a></p>
      <form method="post" action="/logout">{csrf}<button type="submit" class="secondary">{t('account.sign_out')}</button></form>
      <h2>{t('account.api_tokens')}</h2>
      {newToken && <p class="flash" role="status">{t('account.token_once')} <code>{newToken}</code></p>}
      {tokens.length > 0 && (
        <ul>
          {tokens.map((tk) => (
            <li>
              {tk.name} — {formatDate(tk.createdAt, c.get('locale'))}{' '}
              <form method="post" action={`/account/tokens/${tk.id}/revoke`} class="inline">{csrf}<button type="submit" class="secondary">{t('account.revoke')}</button></form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action="/account/tokens" novalidate>
        {csrf}
        <RequiredNote t={t} />
        <TextField f={f} name="name" label={t('account.token_name')} maxlength={80} required />
        <button type="submit">{t('account.create_token')}</button>
      </form>
      <h2>{t('account.password')}</h2>
      <form method="post" action="/account/password" novalidate>
        {csrf}
        <RequiredNote t={t} />
        <TextField f={f} name="current" type="password" label={t('account.current_password')} autocomplete="current-password" required />
        <TextField f={f} name="password" type="password" label={t('account.new_password')} autocomplete="new-password" required hint={t('account.password_hint')} />
        <button type="submit">{t('account.change_password')}</button>
      </form>
    </>
  ), Object.keys(errors).length ? 422 : 200, flashOf(c));
}

function fieldsOf(e: unknown) {
  if (e instanceof DomainError && e.code === 'invalid') return e.fields;
  throw e;
}

export const authRoutes = new Hono<WebEnv>()
  .get('/login', (c) => render(c, c.get('t')('login.title'), <LoginForm c={c} />))
  .post('/login', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    const ctx = c.get('ctx');
    try {
      const { token, expiresAt, user } = await signIn(ctx, { email: body.email, password: body.password }, clientAddress(c));
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: ctx.cfg.secureCookies, expires: expiresAt });
      if (user.locale) setCookie(c, LOCALE_COOKIE, user.locale, { sameSite: 'Lax', path: '/', maxAge: 365 * 24 * 3600 });
      return seeOther(c, safeNext(body.next));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const t = c.get('t');
      const status = e.code === 'rate_limited' ? 429 : e.code === 'invalid' ? 422 : 401;
      const message = e.code === 'invalid' ? undefined : t(e.message);
      return render(c, t('login.title'), <LoginForm c={c} email={body.email} errors={e.fields} message={message} />, status);
    }
  })
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await signOut(c.get('ctx'), token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return seeOther(c, '/', 'signed_out');
  })
  .get('/account', (c) => accountPage(c))
  .post('/account/tokens', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    try {
      const created = await createApiToken(c.get('ctx'), c.get('actor'), body.name ?? '');
      return accountPage(c, {}, created.token);
    } catch (e) {
      return accountPage(c, fieldsOf(e)._ ? { name: fieldsOf(e)._! } : fieldsOf(e));
    }
  })
  .post('/account/tokens/:id/revoke', async (c) => {
    await revokeApiToken(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return seeOther(c, '/account', 'token_revoked');
  })
  .post('/account/password', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    try {
      await changePassword(c.get('ctx'), c.get('actor'), body.current, body.password);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return seeOther(c, '/login', 'password_changed');
    } catch (e) {
      const fields = fieldsOf(e);
      return accountPage(c, fields._ ? { password: fields._ } : fields);
    }
  })
  .post('/locale', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    if (isUiLocale(body.locale)) {
      setCookie(c, LOCALE_COOKIE, body.locale, { sameSite: 'Lax', path: '/', maxAge: 365 * 24 * 3600, secure: c.get('ctx').cfg.secureCookies });
      if (c.get('actor')) await setLocale(c.get('ctx'), c.get('actor'), body.locale);
    }
    return seeOther(c, safeNext(body.next));
  });
