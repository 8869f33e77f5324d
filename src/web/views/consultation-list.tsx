import type { ConsultationSummary } from '../../domain/consultation/consultation-list.service.js';
import type { Translate } from '../i18n/i18n.js';
import { pickText } from './content.js';
import { formatDate } from './labels.js';

/** Consultations as cards: title in the reader's language (else the original, marked), status and counts. */
export function ConsultationList(props: { t: Translate; locale: string; items: ConsultationSummary[] }) {
  const { t, locale, items } = props;
  if (items.length === 0) return <p role="status">{t('consultation.none')}</p>;
  return (
    <ul class="cards">
      {items.map((c) => {
        const shown = pickText(c.texts, locale, c.originalLanguage);
        return (
          <li>
            <h2 lang={shown.lang} dir={shown.dir}><a href={`/consultations/${c.id}`}>{shown.text.title}</a></h2>
            <p class="meta">
              <span class="status">{t(`consultation.status_${c.status}`)}</span>
              {' · '}{t('consultation.counts', { statements: c.statementCount, participants: c.participantCount })}
              {' · '}<time datetime={c.createdAt.toISOString()}>{formatDate(c.createdAt, locale)}</time>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
