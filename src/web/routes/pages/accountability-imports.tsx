import { Hono } from 'hono';
import { getProgressImport, listProgressImports } from '../../../domain/accountability/progress-import.service.js';
import { getProcess } from '../../../domain/process/process.service.js';
import type { WebEnv } from '../../env.js';
import { ImportList, ImportRows } from '../../views/accountability-import-view.js';
import { formatDate } from '../../views/labels.js';
import { accountabilityBase } from './accountability.js';
import { signInFirst } from './alerts-shared.js';
import { flashOf, render } from './page.js';
import { ID } from './stocktake.js';

/**
 * The stored reports of the progress CSV imports. Not public, unlike the stocktake's IATI imports: a report's
 * rows may name other organisations' commitments, so admins see every import and others their own (the service
 * decides; a signed-in person with none sees an empty list).
 */
export const accountabilityImportsRoutes = new Hono<WebEnv>()
  .use(`/processes/${ID}/accountability/imports`, signInFirst)
  .use(`/processes/${ID}/accountability/imports/*`, signInFirst)
  .get(`/processes/${ID}/accountability/imports`, async (c) => {
    const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
    const process = await getProcess(ctx, c.req.param('id'));
    const imports = await listProgressImports(ctx, c.get('actor'), process.id);
    const base = accountabilityBase(process.id);
    return render(c, t('accountability.imports_title'), (
      <>
        <p><a href={base}>{t('accountability.back')}</a></p>
        <h1>{t('accountability.imports_title')}</h1>
        <p>{t('accountability.imports_intro')}</p>
        <ImportList t={t} locale={locale} imports={imports} base={base} />
      </>
    ));
  })
  .get(`/processes/${ID}/accountability/imports/:n{[0-9]{1,15}}`, async (c) => {
    const { ctx, t, locale } = { ctx: c.get('ctx'), t: c.get('t'), locale: c.get('locale') };
    const imported = await getProgressImport(ctx, c.get('actor'), c.req.param('id'), c.req.param('n'));
    const base = accountabilityBase(imported.processId);
    const title = t('accountability.import_report', { name: imported.fileName });
    return render(c, title, (
      <>
        <p><a href={`${base}/imports`}>{t('accountability.imports_title')}</a></p>
        <h1>{title}</h1>
        <p>{t('accountability.import_meta', { date: formatDate(imported.at, locale), name: imported.byName ?? t('accountability.someone') })}</p>
        <ImportRows t={t} rows={imported.rows} written={imported.written} skipped={imported.skipped} />
      </>
    ), 200, flashOf(c));
  });
