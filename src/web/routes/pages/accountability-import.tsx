import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { organisationsFor } from '../../../domain/accountability/accountability.service.js';
import { MAX_PROGRESS_CSV_BYTES, PROGRESS_CSV_COLUMNS } from '../../../domain/accountability/progress-csv.js';
import { importProgressCsv, progressTemplateFor, type ProgressImportReport } from '../../../domain/accountability/progress-import.service.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import { getProcess } from '../../../domain/process/process.service.js';
import type { FormBody } from '../../forms/form-body.js';
import type { WebEnv } from '../../env.js';
import { ImportRefusal } from '../../views/accountability-import-view.js';
import { CsrfField, FileField } from '../../views/forms.js';
import { formatNumber } from '../../views/labels.js';
import { accountabilityBase, isPhaseOpen } from './accountability.js';
import { signInFirst } from './alerts-shared.js';
import { render, seeOther } from './page.js';
import { ID } from './stocktake.js';

async function showImport(c: Context<WebEnv>, result?: { report: ProgressImportReport; fileName: string; message?: string }, status: ContentfulStatusCode = 200) {
  const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
  const process = await getProcess(ctx, c.req.param('id'));
  if ((await organisationsFor(ctx, c.get('actor'))).length === 0) throw forbidden('accountability.no_organisation');
  const base = accountabilityBase(process.id);
  const isOpen = isPhaseOpen(process, 'progress');
  return render(c, t('accountability.import_title'), (
    <>
      <p><a href={base}>{t('accountability.back')}</a></p>
      <h1>{t('accountability.import_title')}</h1>
      <p>{t('accountability.import_intro')}</p>
      <p>{t('accountability.import_columns')} <code>{PROGRESS_CSV_COLUMNS.join(',')}</code></p>
      <p><a href={`${base}/import/template.csv`} download="progress.csv">{t('accountability.import_template')}</a></p>
      <p><a href={`${base}/imports`}>{t('accountability.imports_link')}</a></p>
      {result?.message && <p class="errors" role="alert">{result.message}</p>}
      {!isOpen && !result?.message && <p class="notice">{t('accountability.closed')}</p>}
      {result && !result.message && <ImportRefusal t={t} report={result.report} fileName={result.fileName} />}
      <form method="post" action={`${base}/import`} enctype="multipart/form-data">
        <CsrfField token={c.get('csrfToken')} />
        <FileField label={t('accountability.import_file')} hint={t('accountability.import_file_hint', { max: formatNumber(MAX_PROGRESS_CSV_BYTES / 1024 / 1024, locale) })} accept=".csv,text/csv" />
        <button type="submit">{t('accountability.import_submit')}</button>
      </form>
    </>
  ), status);
}

const empty: ProgressImportReport = { fileErrors: [], rows: [], written: 0, skipped: 0, importId: null };

export const accountabilityImportRoutes = new Hono<WebEnv>()
  .use(`/processes/${ID}/accountability/import`, signInFirst)
  .get(`/processes/${ID}/accountability/import`, (c) => showImport(c))
  .use(`/processes/${ID}/accountability/import/template.csv`, signInFirst)
  .get(`/processes/${ID}/accountability/import/template.csv`, async (c) => {
    const csv = await progressTemplateFor(c.get('ctx'), c.get('actor'), c.req.param('id'), c.get('locale'));
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="progress.csv"', 'Cache-Control': 'private, no-store' });
  })
  .post(`/processes/${ID}/accountability/import`, async (c) => {
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const file = [body.file].flat().find((f): f is File => f instanceof File && f.size > 0);
    if (!file) return showImport(c, { report: { ...empty, fileErrors: [{ message: 'csv.empty' }] }, fileName: '—' }, 422);
    try {
      const report = await importProgressCsv(c.get('ctx'), c.get('actor'), c.req.param('id'), new Uint8Array(await file.arrayBuffer()), file.name);
      // A kept report is shown from where it is kept, so reloading the page cannot send the file again.
      if (report.importId !== null) return seeOther(c, `${accountabilityBase(c.req.param('id'))}/imports/${report.importId}`, 'progress_imported');
      return showImport(c, { report, fileName: file.name }, 422);
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
      return showImport(c, { report: empty, fileName: file.name, message: c.get('t')(e.message) }, 409);
    }
  });
