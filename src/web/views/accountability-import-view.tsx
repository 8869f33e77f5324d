import type { ImportedRow, ProgressImport, ProgressImportReport } from '../../domain/accountability/progress-import.service.js';
import { translateFieldError, type Translate } from '../i18n/i18n.js';
import { formatDate } from './labels.js';

/** A file refused whole: nothing was imported, and why. */
export function ImportRefusal(props: { t: Translate; report: Pick<ProgressImportReport, 'fileErrors'>; fileName: string }) {
  const { t } = props;
  return (
    <div class="errors" role="alert" tabindex={-1} id="errors">
      <p>{t('accountability.import_refused', { name: props.fileName })}</p>
      <ul>{props.report.fileErrors.map((e) => <li>{e.line ? `${t('accountability.line', { line: e.line })}: ` : ''}{translateFieldError(t, e.message)}</li>)}</ul>
    </div>
  );
}

/** The counts and a line per row: written, or skipped with its reasons. */
export function ImportRows(props: { t: Translate; rows: ImportedRow[]; written: number; skipped: number }) {
  const { t } = props;
  return (
    <>
      <p role="status">{t('accountability.import_counts', { written: props.written, skipped: props.skipped })}</p>
      <table>
        <thead><tr><th scope="col">{t('accountability.line_header')}</th><th scope="col">{t('accountability.outcome')}</th><th scope="col">{t('accountability.reasons')}</th></tr></thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <td>{row.line}</td>
              <td>{t(`accountability.row_${row.status}`)}</td>
              <td>{row.errors.map((e) => `${e.field === '_' ? '' : `${e.field}: `}${translateFieldError(t, e.message)}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A process's stored imports, newest first, each linking to its report. */
export function ImportList(props: { t: Translate; locale: string; imports: ProgressImport[]; base: string }) {
  const { t, locale } = props;
  if (props.imports.length === 0) return <p>{t('accountability.imports_none')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('accountability.import_file_header')}</th><th scope="col">{t('accountability.import_at')}</th><th scope="col">{t('accountability.import_by')}</th>
          <th scope="col">{t('accountability.row_written')}</th><th scope="col">{t('accountability.row_skipped')}</th>
        </tr>
      </thead>
      <tbody>
        {props.imports.map((i) => (
          <tr>
            <td><a href={`${props.base}/imports/${i.id}`}>{i.fileName}</a></td>
            <td>{formatDate(i.at, locale)}</td>
            <td>{i.byName ?? t('accountability.someone')}</td>
            <td>{i.written}</td>
            <td>{i.skipped}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
