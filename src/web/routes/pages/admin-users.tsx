import { Hono, type Context } from 'hono';
import { createOrganisationAs, createUserAs, listOrganisations, listUsers } from '../../../domain/accounts/accounts.service.js';
import { DomainError } from '../../../domain/errors.js';
import { listHubs } from '../../../domain/hubs/hubs.service.js';
import { ROLES, SECTORS } from '../../../domain/taxonomy/index.js';
import { list, str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { pickText } from '../../views/content.js';
import { Checkboxes, CsrfField, ErrorSummary, RequiredNote, Select, TextField } from '../../views/forms.js';
import { formatDate } from '../../views/labels.js';
import { ScrollTable } from '../../views/scroll-table.js';
import { flashOf, render, seeOther } from './page.js';

type Values = { email?: string; displayName?: string; role?: string; organisationId?: string; hubIds?: string[] };

/** Accounts for administrators: who exists, and a form to add a curator, coordinator, delegate or admin. */
async function usersPage(c: Context<WebEnv>, values: Values = {}, errors: Record<string, string> = {}) {
  const t = c.get('t');
  const ctx = c.get('ctx');
  const actor = c.get('actor');
  const users = await listUsers(ctx, actor); // throws forbidden for anyone but an admin
  const orgs = await listOrganisations(ctx);
  const hubs = (await listHubs(ctx, actor, { perPage: 100 })).items;
  const f = { t, errors };
  const labels = { email: t('login.email'), displayName: t('admin.name'), password: t('login.password'), role: t('admin.role'), hubIds: t('practice.hubs'), name: t('admin.organisation'), sector: t('admin.sector') };
  return render(c, t('admin.users'), (
    <>
      <h1>{t('admin.users')}</h1>
      <ScrollTable label={t('admin.users')}>
        <table>
          <thead><tr><th scope="col">{t('login.email')}</th><th scope="col">{t('admin.name')}</th><th scope="col">{t('admin.role')}</th><th scope="col">{t('admin.since')}</th></tr></thead>
          <tbody>{users.map((u) => <tr><td>{u.email}</td><td>{u.displayName}</td><td>{t(`role.${u.role}`)}</td><td><time datetime={u.createdAt.toISOString()}>{formatDate(u.createdAt, c.get('locale'))}</time></td></tr>)}</tbody>
        </table>
      </ScrollTable>
      <h2>{t('admin.add_user')}</h2>
      <form method="post" action="/admin/users" novalidate>
        <CsrfField token={c.get('csrfToken')} />
        <ErrorSummary f={f} labels={labels} />
        <RequiredNote t={t} />
        <TextField f={f} name="email" type="email" label={t('login.email')} value={values.email} required autocomplete="off" />
        <TextField f={f} name="displayName" label={t('admin.name')} value={values.displayName} required maxlength={120} />
        <TextField f={f} name="password" type="password" label={t('login.password')} required autocomplete="new-password" hint={t('account.password_hint')} />
        <Select f={f} name="role" label={t('admin.role')} value={values.role} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} required empty={t('form.choose')} />
        <Select f={f} name="organisationId" label={t('admin.organisation')} value={values.organisationId} options={orgs.map((o) => ({ value: o.id, label: `${o.name} (${t(`sector.${o.sector}`)})` }))} empty={t('form.not_stated')} hint={t('admin.organisation_hint')} />
        {hubs.length > 0 && (
          <Checkboxes f={f} name="hubIds" legend={t('practice.hubs')} values={values.hubIds ?? []} hint={t('admin.hubs_hint')}
            options={hubs.map((h) => ({ value: h.id, label: pickText(h.texts, c.get('locale'), h.originalLanguage).text.name }))} />
        )}
        <button type="submit">{t('admin.add_user')}</button>
      </form>
      <h2>{t('admin.add_organisation')}</h2>
      <form method="post" action="/admin/organisations" novalidate>
        <CsrfField token={c.get('csrfToken')} />
        <RequiredNote t={t} />
        <TextField f={{ t, errors: {} }} name="name" label={t('admin.organisation')} required maxlength={200} />
        <Select f={{ t, errors: {} }} name="sector" label={t('admin.sector')} options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))} required />
        <button type="submit">{t('admin.add_organisation')}</button>
      </form>
    </>
  ), Object.keys(errors).length ? 422 : 200, flashOf(c));
}

function fieldsOf(e: unknown) {
  if (e instanceof DomainError && (e.code === 'invalid' || e.code === 'conflict')) return e.fields;
  throw e;
}

export const adminRoutes = new Hono<WebEnv>()
  .get('/admin/users', (c) => usersPage(c))
  .post('/admin/users', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const values = { email: str(body, 'email'), displayName: str(body, 'displayName'), role: str(body, 'role'), organisationId: str(body, 'organisationId'), hubIds: list(body, 'hubIds') };
    try {
      await createUserAs(c.get('ctx'), c.get('actor'), { ...values, role: values.role as never, organisationId: values.organisationId || null, password: str(body, 'password') });
      return seeOther(c, '/admin/users', 'user_created');
    } catch (e) {
      return usersPage(c, values, fieldsOf(e));
    }
  })
  .post('/admin/organisations', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    try {
      await createOrganisationAs(c.get('ctx'), c.get('actor'), { name: body.name, sector: body.sector });
      return seeOther(c, '/admin/users', 'organisation_created');
    } catch (e) {
      return usersPage(c, {}, fieldsOf(e));
    }
  });
