import type { ConsultationSummary } from '../../domain/consultation/consultation-list.service.js';
import type { Translate } from '../i18n/i18n.js';
import { pickText } from './content.js';

/** The consultations linked to a process: title in the reader's language (else the original, marked), status, link. */
export function ProcessConsultations(props: { t: Translate; locale: string; items: ConsultationSummary[] }) {
  const { t, locale, items } = props;
  return (
    <section aria-labelledby="consultations">
      <h2 id="consultations">{t('process.consultations_title')}</h2>
      {items.length === 0 ? <p>{t('process.consultations_none')}</p> : (
        <ul>
          {items.map((c) => {
            const shown = pickText(c.texts, locale, c.originalLanguage);
            return (
              <li>
                <a href={`/consultations/${c.id}`} lang={shown.lang} dir={shown.dir}>{shown.text.title}</a>{' '}
                <span class="status">{t(`consultation.status_${c.status}`)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
