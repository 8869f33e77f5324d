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

type Entry = { href: string; name: string; lang: string; dir: string; place?: string; reasons: Reason[] };

/** One list of recommendations: each a link in its own language, then why. */
function ReasonedList(props: { t: Translate; locale: string; entries: Entry[] }) {
  const { t, locale } = props;
  if (props.entries.length === 0) return <p>{t('recommend.none')}</p>;
  return (
    <ul class="cards">
      {props.entries.map((e) => (
        <li>
          <p><a href={e.href} lang={e.lang} dir={e.dir}>{e.name}</a>{e.place && ` · ${e.place}`}</p>
          <p class="meta">{why(t, locale, e.reasons)}</p>
        </li>
      ))}
    </ul>
  );
}

/** "Communities like yours": practices that fit a hub and peers facing the same challenges, each with its reasons. */
export function Recommendations(props: { t: Translate; locale: string; practices: PracticeRecommendation[]; peers: PeerRecommendation[]; level?: 2 | 3 }) {
  const { t, locale } = props;
  const H = props.level === 3 ? 'h3' : 'h2';
  const Sub = props.level === 3 ? 'h4' : 'h3';
  const practices = props.practices.map(({ practice: p, reasons }) => {
    const shown = pickText(p.texts, locale, p.originalLanguage);
    return { href: `/practices/${p.id}`, name: shown.text.title, lang: shown.lang, dir: shown.dir, reasons };
  });
  const peers = props.peers.map(({ hub: h, reasons }) => {
    const shown = pickText(h.texts, locale, h.originalLanguage);
    return { href: `/hubs/${h.id}`, name: shown.text.name, lang: shown.lang, dir: shown.dir, place: countryName(h.country, locale), reasons };
  });
  return (
    <section aria-labelledby="recommend-title">
      <H id="recommend-title">{t('recommend.title')}</H>
      <Sub>{t('recommend.practices')}</Sub>
      <ReasonedList t={t} locale={locale} entries={practices} />
      <Sub>{t('recommend.peers')}</Sub>
      <ReasonedList t={t} locale={locale} entries={peers} />
    </section>
  );
}
