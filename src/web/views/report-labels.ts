import type { Voice } from '../../domain/consultation/analysis/analysis.js';
import type { Translate } from '../i18n/i18n.js';

/** Opinion groups are named by letter, as in Polis's reports. */
export const groupLetter = (id: number) => String.fromCharCode(65 + id);

/** The four sectors have shared labels; hubs, the fifth voice, and imported voters without a sector have report ones. */
export const sectorName = (t: Translate, v: Voice | null) => (v === null ? t('report.sector_none') : v === 'hub' ? t('report.sector_hub') : t(`sector.${v}`));

export const sectorList = (t: Translate, voices: Voice[]) => voices.map((v) => sectorName(t, v)).join(', ');

/** A share as a whole percentage in the reader's locale (Arabic digits and signs where the locale wants them). */
export const percent = (share: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
