/**
 * World regions for "South–South" matching, after the UN M49 regions, with the Arab States grouped as
 * the founding document's partners do. `isGlobalSouth` follows the UN trade-and-development grouping
 * (developing economies): everything outside Europe, Northern America, Australia/New Zealand, Japan,
 * South Korea and Israel.
 */
export const REGIONS = ['africa', 'arab_states', 'asia_pacific', 'latin_america', 'europe', 'north_america'] as const;
export type Region = (typeof REGIONS)[number];

const BY_REGION: Record<Region, string> = {
  africa:
    'AO BF BI BJ BW CD CF CG CI CM CV ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MU MW MZ NA NE NG RE RW SC SH SL SN SS ST SZ TD TG TZ UG YT ZA ZM ZW',
  arab_states: 'AE BH DJ DZ EG EH IQ JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE',
  asia_pacific:
    'AF AS AU BD BN BT CC CK CN CX FJ FM GU HK HM ID IN IO IR JP KG KH KI KP KR KZ LA LK MH MM MN MO MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TJ TK TL TM TO TV TW UM UZ VN VU WF WS',
  latin_america:
    'AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI',
  europe:
    'AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE IL IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TR UA VA XK',
  north_america: 'AQ BM CA GL PM TF US',
};

const REGION_OF = new Map<string, Region>();
for (const [region, codes] of Object.entries(BY_REGION) as [Region, string][]) {
  for (const code of codes.split(' ')) REGION_OF.set(code, region);
}

const NORTH_IN_ASIA_PACIFIC = new Set(['AU', 'NZ', 'JP', 'KR', 'HM', 'NF', 'CC', 'CX']);

export function regionOf(country: string): Region | null {
  return REGION_OF.get(country) ?? null;
}

export function isGlobalSouth(country: string): boolean {
  const region = regionOf(country);
  if (!region || region === 'europe' || region === 'north_america') return false;
  return !NORTH_IN_ASIA_PACIFIC.has(country);
}

/** The countries of a region (ISO 3166-1 alpha-2). */
export function countriesOf(region: Region): string[] {
  return BY_REGION[region].split(' ');
}
