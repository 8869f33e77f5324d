import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { iatiExampleXml } from '../../../domain/demo/demo-stocktake.js';
import { forbidden } from '../../../domain/errors.js';
import { getProcess } from '../../../domain/process/process.service.js';
import type { IatiError } from '../../../domain/stocktake/iati.js';
import { IATI_UPLOAD_MAX_BYTES } from '../../../domain/stocktake/stocktake.js';
import { getImport, importIatiFile } from '../../../domain/stocktake/stocktake-import.service.js';
import { str, type FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { CsrfField, FileField } from '../../views/forms.js';
import { formatNumber } from '../../views/labels.js';
import { IatiErrorItem, ImportReport } from '../../views/stocktake-report.js';
import { signInFirst } from './alerts-shared.js';
import { flashOf, render, seeOther } from './page.js';
import { ID, mayRecordNow } from './stocktake.js';

type Refused = { errors: IatiError[]; fileName: string };

async function showImport(c: Context<WebEnv>, refused?: Refused, status: ContentfulStatusCode = 200, organisationId = '') {
  const { t, locale } = { t: c.get('t'), locale: c.get('locale') };
  const process = await getProcess(c.get('ctx'), c.req.param('id'));
  const { isOpen, organisations } = await mayRecordNow(c, process);
  if (organisations.length === 0) throw forbidden('stocktake.no_organisation');
  const base = `/processes/${process.id}/stocktake`;
  return render(c, t('stocktake.import_title'), (
    <>
      <p><a href={base}>{t('stocktake.back')}</a></p>
      <h1>{t('stocktake.import_title')}</h1>
      <p>{t('stocktake.import_intro')}</p>
      <p><a href={`${base}/import/example.xml`} download="iati-example.xml">{t('stocktake.import_example')}</a></p>
      {!isOpen && <p class="notice">{t('stocktake.closed')}</p>}
      {refused && (
        <div class="errors" role="alert" tabindex={-1} id="errors">
          <p>{t('stocktake.import_refused', { name: refused.fileName })}</p>
          <ul>{refused.errors.map((e) => <IatiErrorItem t={t} locale={locale} error={e} />)}</ul>
        </div>
      )}
      <form method="post" action={`${base}/import`} enctype="multipart/form-data">
        <CsrfField token={c.get('csrfToken')} />
        <div class="field">
          <label for="f-organisationId">{t('stocktake.organisation')}</label>
          <select id="f-organisationId" name="organisationId">
            {organisations.map((o) => <option value={o.id} selected={o.id === organisationId}>{o.name} ({t(`sector.${o.sector}`)})</option>)}
          </select>
        </div>
        <FileField label={t('stocktake.import_file')} hint={t('stocktake.import_file_hint', { max: formatNumber(IATI_UPLOAD_MAX_BYTES / 1024 / 1024, locale) })} accept=".xml,application/xml,text/xml" />
        <button type="submit">{t('stocktake.import_submit')}</button>
      </form>
    </>
  ), status);
}

export const stocktakeImportRoutes = new Hono<WebEnv>()
  .use(`/processes/${ID}/stocktake/import`, signInFirst)
  .get(`/processes/${ID}/stocktake/import`, (c) => showImport(c))
  // Anyone may read the example: it is the demo's own file, public like the demo.
  .get(`/processes/${ID}/stocktake/import/example.xml`, (c) =>
    c.body(iatiExampleXml(), 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': 'attachment; filename="iati-example.xml"' }))
  // The body limit for this path is the file's (write-guard.ts); the service refuses a file over it with its reason.
  .post(`/processes/${ID}/stocktake/import`, async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const file = [body.file].flat().find((f): f is File => f instanceof File && f.size > 0);
    const organisationId = str(body, 'organisationId');
    if (!file) return showImport(c, { errors: [{ code: 'missing', path: '', detail: 'No file was chosen.' }], fileName: '—' }, 422, organisationId);
    const result = await importIatiFile(c.get('ctx'), c.get('actor'), c.req.param('id'), { name: file.name, xml: await file.text(), organisationId: organisationId || null });
    if (!result.ok) return showImport(c, { errors: result.errors, fileName: file.name }, 422, organisationId);
    return seeOther(c, `/processes/${c.req.param('id')}/stocktake/imports/${result.import.id}`, 'stocktake_imported');
  })
  .get(`/processes/${ID}/stocktake/imports/:iid{[0-9]{1,15}}`, async (c) => {
    const t = c.get('t');
    const imported = await getImport(c.get('ctx'), c.req.param('id'), c.req.param('iid'));
    const base = `/processes/${imported.processId}/stocktake`;
    return render(c, t('stocktake.report_title', { name: imported.fileName }), (
      <>
        <p><a href={base}>{t('stocktake.back')}</a></p>
        <h1>{t('stocktake.report_title', { name: imported.fileName })}</h1>
        <ImportReport t={t} locale={c.get('locale')} imported={imported} base={base} />
      </>
    ), 200, flashOf(c));
  });
