/**
 * Names of the recipient regions an IATI file may name. Vocabulary 1 is the OECD DAC region codelist,
 * vocabulary 2 UN M49 (geographic regions). We keep region codes as written — a DAC code bare ("289"),
 * an M49 code prefixed ("M49:202") so the two lists cannot collide — and name them in reports; regions
 * from a publisher's own vocabulary (99) are not kept.
 */
const DAC_REGIONS: Record<string, string> = {
  '88': 'States Ex-Yugoslavia unspecified',
  '89': 'Europe, regional',
  '189': 'North of Sahara, regional',
  '289': 'South of Sahara, regional',
  '298': 'Africa, regional',
  '380': 'West Indies, regional',
  '389': 'Caribbean & Central America, regional',
  '489': 'South America, regional',
  '498': 'America, regional',
  '589': 'Middle East, regional',
  '619': 'Central Asia, regional',
  '679': 'South Asia, regional',
  '689': 'South & Central Asia, regional',
  '789': 'Far East Asia, regional',
  '798': 'Asia, regional',
  '889': 'Oceania, regional',
  '998': 'Developing countries, unspecified',
  '1027': 'Eastern Africa, regional',
  '1028': 'Middle Africa, regional',
  '1029': 'Southern Africa, regional',
  '1030': 'Western Africa, regional',
  '1031': 'Caribbean, regional',
  '1032': 'Central America, regional',
  '1033': 'Melanesia, regional',
  '1034': 'Micronesia, regional',
  '1035': 'Polynesia, regional',
};

// The M49 regions and sub-regions development programmes name; sub-sub-regions are left out.
const M49_REGIONS: Record<string, string> = {
  '001': 'World',
  '002': 'Africa',
  '015': 'Northern Africa',
  '202': 'Sub-Saharan Africa',
  '014': 'Eastern Africa',
  '017': 'Middle Africa',
  '018': 'Southern Africa',
  '011': 'Western Africa',
  '019': 'Americas',
  '419': 'Latin America and the Caribbean',
  '029': 'Caribbean',
  '013': 'Central America',
  '005': 'South America',
  '021': 'Northern America',
  '142': 'Asia',
  '143': 'Central Asia',
  '030': 'Eastern Asia',
  '035': 'South-eastern Asia',
  '034': 'Southern Asia',
  '145': 'Western Asia',
  '150': 'Europe',
  '009': 'Oceania',
  '054': 'Melanesia',
  '057': 'Micronesia',
  '061': 'Polynesia',
};

/** Our key for a region (see above), or null for a vocabulary we do not keep or a malformed code. */
export function regionKey(code: string, vocabulary: string): string | null {
  if (vocabulary === '1' && /^\d{1,4}$/.test(code)) return code;
  if (vocabulary === '2' && /^\d{3}$/.test(code)) return `M49:${code}`;
  return null;
}

/** The English name of a region key, or null when the code is not in our lists (it is still kept). */
export function regionName(key: string): string | null {
  return key.startsWith('M49:') ? (M49_REGIONS[key.slice(4)] ?? null) : (DAC_REGIONS[key] ?? null);
}
