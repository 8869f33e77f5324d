import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { importCapAlert } from '../../../domain/alerts/alert-cap.service.js';
import { canAuthorAlert } from '../../../domain/alerts/alert-permissions.js';
import { CAP_MAX_BYTES, type CapError } from '../../../domain/alerts/cap.js';
import { forbidden } from '../../../domain/errors.js';
import type { FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { capErrorText } from '../../views/alerts-labels.js';
import { CsrfField, FileField } from '../../views/forms.js';
import { formatNumber } from '../../views/labels.js';
import { signInFirst } from './alerts-shared.js';
import { render, seeOther } from './page.js';

type Refused = { errors: CapError[]; xml: string; fileName?: string };

/** Every reason a file was refused: where (the element's path, line and column) and why, in words. */
function Reasons(props: { c: Context<WebEnv>; refused: Refused }) {
  const t = props.c.get('t');
  const locale = props.c.get('locale');
  const { errors } = props.refused;
  return (
    <div class="errors" role="alert" tabindex={-1} id="errors">
      <p>{props.refused.fileName ? t('alerts.import_refused_file', { name: props.refused.fileName, count: errors.length }) : t('alerts.import_refused', { count: errors.length })}</p>
      <ul>
        {errors.map((e) => (
          <li>
            {e.path && <><code dir="ltr">{e.path}</code>{' '}</>}
            {e.line !== undefined && <>({t('alerts.import_at', { line: formatNumber(e.line, locale), column: formatNumber(e.column ?? 0, locale) })}){' '}</>}
            {capErrorText(t, e)}
            {e.detail && !/^(validation|alerts)\./.test(e.detail) && <>{' '}<span class="hint" lang="en" dir="ltr">({e.detail})</span></>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function showImport(c: Context<WebEnv>, refused?: Refused, status: ContentfulStatusCode = 200) {
  const t = c.get('t');
  return render(c, t('alerts.import_title'), (
    <>
      <p><a href="/alerts">{t('alerts.back')}</a></p>
      <h1>{t('alerts.import_title')}</h1>
      <p>{t('alerts.import_intro')}</p>
      {refused && <Reasons c={c} refused={refused} />}
      <form method="post" action="/alerts/import" enctype="multipart/form-data">
        <CsrfField token={c.get('csrfToken')} />
        <FileField label={t('alerts.import_file')} hint={t('alerts.import_file_hint', { max: formatNumber(CAP_MAX_BYTES / 1024 / 1024, c.get('locale')) })} accept=".xml,.cap,application/cap+xml,application/xml,text/xml" />
        <div class="field">
          <label for="f-xml">{t('alerts.import_paste')}</label>
          <p class="hint" id="f-xml-hint">{t('alerts.import_paste_hint')}</p>
          <textarea id="f-xml" name="xml" rows={10} dir="ltr" lang="" spellcheck={false} aria-describedby="f-xml-hint">{refused && !refused.fileName ? refused.xml : ''}</textarea>
        </div>
        <button type="submit">{t('alerts.import_submit')}</button>
      </form>
    </>
  ), status);
}

function authorOnly(c: Context<WebEnv>) {
  if (!canAuthorAlert(c.get('actor'))) throw forbidden();
}

export const alertImportRoutes = new Hono<WebEnv>()
  .use('/alerts/import', signInFirst)
  .get('/alerts/import', (c) => {
    authorOnly(c);
    return showImport(c);
  })
  // A file (multipart) or pasted XML; the whole body is at most 1 MB (the forms' limit, CAP's too).
  .post('/alerts/import', async (c) => {
    authorOnly(c);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const file = [body.file].flat().find((f): f is File => f instanceof File && f.size > 0);
    const pasted = [body.xml].flat().find((x): x is string => typeof x === 'string') ?? '';
    const xml = file ? await file.text() : pasted;
    if (!xml.trim()) return showImport(c, { errors: [{ path: '', code: 'missing', detail: 'alerts.import_empty' }], xml }, 422);
    const result = await importCapAlert(c.get('ctx'), c.get('actor'), xml);
    if (result.ok) return seeOther(c, `/alerts/${result.alert.id}`, 'alert_imported');
    return showImport(c, { errors: result.errors, xml: file ? '' : xml, fileName: file?.name }, 422);
  });
