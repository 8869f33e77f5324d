/** Closed vocabularies shared by hubs and practices. Labels live in the interface messages. */
export const THEMES = [
  'agriculture', 'health', 'education', 'livelihoods', 'water', 'climate', 'disaster_risk', 'governance',
  'gender', 'culture', 'environment', 'connectivity', 'markets', 'youth_employment', 'finance', 'nutrition',
] as const;

export const TECHNOLOGIES = ['radio', 'basic_phone', 'smartphone', 'computer', 'internet', 'satellite', 'print', 'other'] as const;

export const TARGET_GROUPS = [
  'women', 'youth', 'children', 'indigenous_peoples', 'persons_with_disabilities', 'farmers', 'herders',
  'fishers', 'elders', 'migrants', 'small_business', 'general_public',
] as const;

/** WSIS Action Lines C1–C11 (Geneva Plan of Action, 2003). */
export const WSIS_ACTION_LINES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11'] as const;

export const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);

export const HUB_KINDS = ['telecentre', 'community_radio', 'community_access_point', 'school', 'library', 'cooperative', 'other'] as const;

export const COMMUNITY_TYPES = ['geographic', 'women', 'youth', 'indigenous_peoples', 'persons_with_disabilities', 'other'] as const;

export const INTERNET_LEVELS = ['none', 'intermittent', 'narrowband', 'broadband'] as const;
export const MOBILE_LEVELS = ['none', '2g', '3g_plus'] as const;
export const ELECTRICITY_LEVELS = ['none', 'intermittent', 'grid', 'solar'] as const;

/** Cost bands in US dollar equivalents for set-up plus one year of running costs. */
export const COST_BANDS = ['none', 'low', 'medium', 'high'] as const;
export const COST_BAND_LIMITS_USD = { none: 0, low: 1_000, medium: 20_000, high: Infinity } as const;

export const LICENCES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0'] as const;

export const PRACTICE_STATUSES = ['draft', 'submitted', 'published', 'archived'] as const;

export const ROLES = ['admin', 'curator', 'coordinator', 'delegate'] as const;
export const SECTORS = ['government', 'private_sector', 'civil_society', 'international_organisation'] as const;

export type Theme = (typeof THEMES)[number];
export type Technology = (typeof TECHNOLOGIES)[number];
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type HubKind = (typeof HUB_KINDS)[number];
export type CommunityType = (typeof COMMUNITY_TYPES)[number];
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];
export type Role = (typeof ROLES)[number];
export type Sector = (typeof SECTORS)[number];
export type CostBand = (typeof COST_BANDS)[number];
