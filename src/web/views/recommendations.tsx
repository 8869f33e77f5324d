import type { PeerRecommendation, PracticeRecommendation } from '../../domain/matching/matching.service.js';
import type { Reason } from '../../domain/matching/reasons.js';
import { countryName, languageName } from '../../domain/taxonomy/index.js';
import type { Translate } from '../i18n/i18n.js';
import { pickText } from './content.js';

const listOf = (locale: string, items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

/** One reason in plain words, in the reader's language. */
export function reasonText(t: Translate, locale: string, r: Reason): string {
  switch (r.code) {
    case 'addresses_priorities':
    case 'shares_priorities':
      return t(`reason.${r.code}`, { themes: listOf(locale, r.themes.map((v) => t(`theme.${v}`))) });
    case 'uses_channels_you_have':
    case 'needs_channels_you_lack':
      return t(`reason.${r.code}`, { technologies: listOf(locale, r.technologies.map((v) => t(`technology.${v}`))) });
    case 'available_in':
    case 'used_with_speakers_of':
    case 'shares_language':
      return t(`reason.${r.code}`, { lang: languageName(r.lang, locale) });
    case 'designed_for':
      return t('reason.designed_for', { group: t(`target_group.${r.group}`) });
    case 'low_cost':
      return t('reason.low_cost');
    case 'has_evidence':
      return t('reason.has_evidence', { count: r.count });
    case 'same_country':
      return t('reason.same_country', { country: countryName(r.country, locale) });
    case 'same_community_type':
      return t('reason.same_community_type', { communityType: t(`community_type.${r.communityType}`) });
    case 'other_region':
      return t('reason.other_region', { region: t(`region.${r.region}`) });
    default:
      return t(`reason.${r.code}`);
  }
}

const why = (t: Translate, locale: string, reasons: Reason[]) =>
  t('recommend.why', { reasons: reasons.map((r) => reasonText(t, locale, r)).join(locale === 'ar' ? '؛ ' : '; ') });

/** "Communities like yours": practices that fit a hub and peers facing the same challenges, each with its reasons. */
export function Recommendations(props: { t: Translate; locale: string; practices: PracticeRecommendation[]; peers: PeerRecommendation[]; level?: 2 | 3 }) {
  const { t, locale } = props;
  const H = props.level === 3 ? 'h3' : 'h2';
  const Sub = props.level === 3 ? 'h4' : 'h3';
  return (
    <section aria-labelledby="recommend-title">
      <H id="recommend-title">{t('recommend.title')}</H>
      <Sub>{t('recommend.practices')}</Sub>
      {props.practices.length === 0 ? <p>{t('recommend.none')}</p> : (
        <ul class="cards">
          {props.practices.map(({ practice: p, reasons }) => {
            const shown = pickText(p.texts, locale, p.originalLanguage);
            return (
              <li>
                <p><a href={`/practices/${p.id}`} lang={shown.lang} dir={shown.dir}>{shown.text.title}</a></p>
                <p class="meta">{why(t, locale, reasons)}</p>
              </li>
            );
          })}
        </ul>
      )}
      <Sub>{t('recommend.peers')}</Sub>
      {props.peers.length === 0 ? <p>{t('recommend.none')}</p> : (
        <ul class="cards">
          {props.peers.map(({ hub: h, reasons }) => {
            const shown = pickText(h.texts, locale, h.originalLanguage);
            return (
              <li>
                <p><a href={`/hubs/${h.id}`} lang={shown.lang} dir={shown.dir}>{shown.text.name}</a> · {countryName(h.country, locale)}</p>
                <p class="meta">{why(t, locale, reasons)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
