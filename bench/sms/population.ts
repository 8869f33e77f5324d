/**
 * The benchmark's audience and alert, as plain data: subscribers spread over three countries and
 * languages (Niger in French, Kenya in Swahili, Bangladesh in Bengali), numbers in ranges that
 * libphonenumber-js's full metadata accepts, and an alert whose three texts exercise the three ways a
 * text message goes out — two GSM 03.38 parts joined by a UDH, one GSM 03.38 segment, one UCS-2 segment.
 */

export type Audience = { lang: string; country: string; firstNumber: number };

export const AUDIENCES: Audience[] = [
  { lang: 'fr', country: 'NE', firstNumber: 22790000000 },
  { lang: 'sw', country: 'KE', firstNumber: 254700000000 },
  { lang: 'bn', country: 'BD', firstNumber: 8801700000000 },
];

export type BenchSubscriber = { phone: string; lang: string; country: string };

/** The i-th subscriber: languages take turns, numbers count up within each country. */
export function subscriberAt(i: number): BenchSubscriber {
  const a = AUDIENCES[i % AUDIENCES.length]!;
  return { phone: `+${a.firstNumber + Math.floor(i / AUDIENCES.length)}`, lang: a.lang, country: a.country };
}

export const ALERT_TEXTS: Record<string, { headline: string; description: string; sms: string }> = {
  // GSM 03.38 (é, è, à are in its alphabet), 161–306 septets: two concatenated parts.
  fr: {
    headline: 'Sécheresse: les pluies sont en retard',
    description: 'Les pluies ont trois semaines de retard dans le Sahel.',
    sms: "ALERTE SECHERESSE Niger: les pluies ont trois semaines de retard. Gardez une part des semences, ne vendez pas le bétail à bas prix, économisez l'eau des puits et des mares. Écoutez la radio communautaire; agents d'agriculture au marché jeudi.",
  },
  // GSM 03.38, one segment.
  sw: {
    headline: 'Tahadhari ya ukame',
    description: 'Mvua zimechelewa kwa wiki tatu.',
    sms: 'TAHADHARI YA UKAME Kenya: mvua zimechelewa. Hifadhi maji na mbegu, usiuze mifugo kwa bei ya chini. Sikiliza redio ya jamii.',
  },
  // UCS-2 (Bengali script), one segment of at most 70 UTF-16 units.
  bn: {
    headline: 'খরার সতর্কতা',
    description: 'বৃষ্টি তিন সপ্তাহ দেরিতে আসবে।',
    sms: 'খরার সতর্কতা: বৃষ্টি দেরিতে আসবে। পানি ও বীজ সংরক্ষণ করুন। রেডিও শুনুন',
  },
};

/** The alert as the authoring form would send it: drought in the three countries, valid a week. */
export function alertInput(now: Date) {
  return {
    category: 'drought',
    severity: 'Severe',
    urgency: 'Expected',
    certainty: 'Likely',
    countries: AUDIENCES.map((a) => a.country),
    adminAreas: [],
    hubIds: [],
    effectiveAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 7 * 24 * 3600 * 1000).toISOString(),
    originalLanguage: 'fr',
    texts: ALERT_TEXTS,
  };
}
