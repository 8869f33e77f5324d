import type { Context } from 'hono';
import type { DomainErrorCode } from '../../../domain/errors.js';
import type { WebEnv } from '../../env.js';
import { STATUS_OF } from '../../errors.js';
import { render } from './page.js';

/** A full page for an error, in the reader's language; an unknown error shows no details. */
export function renderErrorPage(c: Context<WebEnv>, code: DomainErrorCode | 'internal') {
  const t = c.get('t');
  const status = code === 'internal' ? 500 : STATUS_OF[code];
  const body = (
    <>
      <h1>{t(`error.${code}_title`)}</h1>
      <p>{t(`error.${code}`)}</p>
      {code === 'unauthenticated' && <p><a href={`/login?next=${encodeURIComponent(c.req.path)}`}>{t('nav.sign_in')}</a></p>}
      {code === 'internal' && <p>{t('error.request_id', { id: c.get('requestId') })}</p>}
      <p><a href="/">{t('nav.home')}</a></p>
    </>
  );
  return render(c, t(`error.${code}_title`), body, status);
}
