import type { Theme } from '../taxonomy/index.js';

/**
 * From OECD DAC codes to our themes. DAC purpose codes (CRS, IATI SectorVocabulary 1) have five digits
 * whose first three are the DAC category (SectorVocabulary 2). A five-digit code listed here wins over its
 * category: 11330 vocational training is education and youth employment, where 113 is only education.
 * Categories absent from the table (transport, mining, debt, budget support, donors' own costs…) map to no
 * theme and are reported as not mapped. We have no energy theme: renewable generation counts as climate
 * (DAC's own Rio markers count it as mitigation); other energy codes are not mapped.
 */
type DacRule = { name: string; themes: readonly Theme[] };

const CATEGORIES: Record<string, DacRule> = {
  '111': { name: 'Education, level unspecified', themes: ['education'] },
  '112': { name: 'Basic education', themes: ['education'] },
  '113': { name: 'Secondary education', themes: ['education'] },
  '114': { name: 'Post-secondary education', themes: ['education'] },
  '121': { name: 'Health, general', themes: ['health'] },
  '122': { name: 'Basic health', themes: ['health'] },
  '123': { name: 'Non-communicable diseases', themes: ['health'] },
  '130': { name: 'Population policies and reproductive health', themes: ['health'] },
  '140': { name: 'Water supply and sanitation', themes: ['water'] },
  '151': { name: 'Government and civil society, general', themes: ['governance'] },
  '152': { name: 'Conflict, peace and security', themes: ['governance'] },
  '220': { name: 'Communications', themes: ['connectivity'] },
  '232': { name: 'Energy generation, renewable sources', themes: ['climate'] },
  '240': { name: 'Banking and financial services', themes: ['finance'] },
  '250': { name: 'Business and other services', themes: ['markets'] },
  '311': { name: 'Agriculture', themes: ['agriculture'] },
  '312': { name: 'Forestry', themes: ['environment'] },
  '313': { name: 'Fishing', themes: ['agriculture', 'livelihoods'] },
  '331': { name: 'Trade policies and regulations', themes: ['markets'] },
  '332': { name: 'Tourism', themes: ['livelihoods'] },
  '410': { name: 'General environment protection', themes: ['environment'] },
  '520': { name: 'Development food assistance', themes: ['nutrition'] },
  '720': { name: 'Emergency response', themes: ['disaster_risk'] },
  '730': { name: 'Reconstruction relief and rehabilitation', themes: ['disaster_risk'] },
  '740': { name: 'Disaster prevention and preparedness', themes: ['disaster_risk'] },
};

// Purpose codes that say more than their category, or whose category (160, 321, 430) is too mixed to map.
const PURPOSES: Record<string, DacRule> = {
  '11231': { name: 'Basic life skills for youth', themes: ['education', 'youth_employment'] },
  '11330': { name: 'Vocational training', themes: ['education', 'youth_employment'] },
  '12240': { name: 'Basic nutrition', themes: ['health', 'nutrition'] },
  '14015': { name: 'Water resources conservation', themes: ['water', 'environment'] },
  '14050': { name: 'Waste management/disposal', themes: ['water', 'environment'] },
  '15153': { name: 'Media and free flow of information', themes: ['governance', 'connectivity'] },
  '15170': { name: "Women's rights organisations and movements", themes: ['gender', 'governance'] },
  '15180': { name: 'Ending violence against women and girls', themes: ['gender'] },
  '16010': { name: 'Social protection', themes: ['livelihoods'] },
  '16020': { name: 'Employment creation', themes: ['livelihoods', 'youth_employment'] },
  '16061': { name: 'Culture and recreation', themes: ['culture'] },
  '16062': { name: 'Statistical capacity building', themes: ['governance'] },
  '16066': { name: 'Culture', themes: ['culture'] },
  '16070': { name: 'Labour rights', themes: ['governance', 'livelihoods'] },
  '23183': { name: 'Energy conservation and demand-side efficiency', themes: ['climate'] },
  '24040': { name: 'Informal/semi-formal financial intermediaries', themes: ['finance'] },
  '24050': { name: 'Remittance facilitation, promotion and optimisation', themes: ['finance'] },
  '25030': { name: 'Business development services', themes: ['markets', 'livelihoods'] },
  '31140': { name: 'Agricultural water resources', themes: ['agriculture', 'water'] },
  '31193': { name: 'Agricultural financial services', themes: ['agriculture', 'finance'] },
  '31194': { name: 'Agricultural co-operatives', themes: ['agriculture', 'markets'] },
  '32130': { name: 'Small and medium-sized enterprises development', themes: ['markets', 'livelihoods'] },
  '32140': { name: 'Cottage industries and handicraft', themes: ['livelihoods'] },
  '41081': { name: 'Environmental education/training', themes: ['environment', 'education'] },
  '43040': { name: 'Rural development', themes: ['livelihoods'] },
  '43060': { name: 'Disaster risk reduction', themes: ['disaster_risk'] },
  '43071': { name: 'Food security policy and administration', themes: ['nutrition'] },
  '43072': { name: 'Household food security programmes', themes: ['nutrition'] },
  '43073': { name: 'Food safety and quality', themes: ['nutrition', 'health'] },
  '43081': { name: 'Multisector education/training', themes: ['education'] },
  '72040': { name: 'Emergency food assistance', themes: ['nutrition', 'disaster_risk'] },
};

export type DacThemes = { rule: 'purpose' | 'category'; name: string; themes: readonly Theme[] };

/**
 * The themes of a DAC code: a 5-digit purpose code (vocabulary "1") by itself or else by its category,
 * a 3-digit category (vocabulary "2") by itself. Null when the code is malformed for its vocabulary, the
 * vocabulary is not DAC's, or the table has no theme for it.
 */
export function themesOfDacCode(code: string, vocabulary: string): DacThemes | null {
  if (vocabulary === '1' && /^\d{5}$/.test(code)) {
    const purpose = PURPOSES[code];
    if (purpose) return { rule: 'purpose', ...purpose };
    const category = CATEGORIES[code.slice(0, 3)];
    return category ? { rule: 'category', ...category } : null;
  }
  if (vocabulary === '2' && /^\d{3}$/.test(code)) {
    const category = CATEGORIES[code];
    return category ? { rule: 'category', ...category } : null;
  }
  return null;
}

/** For tests and documentation: every code the table names. */
export const DAC_TABLE = { categories: CATEGORIES, purposes: PURPOSES } as const;

/**
 * DAC policy markers (PolicyMarker codelist, vocabulary 1) that name one of our themes. A marker counts when
 * its significance is 1–4 (significant objective, principal objective…); 0 means "screened, not targeted".
 */
export const POLICY_MARKER_THEMES: Record<string, { name: string; theme: Theme }> = {
  '1': { name: 'Gender equality', theme: 'gender' },
  '6': { name: 'Climate change mitigation', theme: 'climate' },
  '7': { name: 'Climate change adaptation', theme: 'climate' },
  '10': { name: 'Disaster risk reduction', theme: 'disaster_risk' },
  '12': { name: 'Nutrition', theme: 'nutrition' },
};
