import { z } from 'zod';
import { countryCode, languageTag, oneOf, requiredText, setOf, text } from '../shared/fields.js';
import {
  COMMUNITY_TYPES, ELECTRICITY_LEVELS, HUB_KINDS, INTERNET_LEVELS, MOBILE_LEVELS, THEMES,
} from '../taxonomy/vocabularies.js';

/** The human-language fields of a hub, one set per language. */
export const hubTextSchema = z.object({
  name: requiredText(120),
  description: text(2000).default(''),
});

const phone = text(32).refine((s) => s === '' || /^\+[1-9][0-9]{6,14}$/.test(s.replace(/[\s-]/g, '')), {
  error: 'validation.phone',
}).transform((s) => s.replace(/[\s-]/g, ''));

const email = text(254).refine((s) => s === '' || z.email().safeParse(s).success, { error: 'validation.email' });

/** The language-independent profile of a hub. */
export const hubProfileSchema = z.object({
  kind: oneOf(HUB_KINDS),
  communityType: oneOf(COMMUNITY_TYPES),
  country: countryCode,
  adminArea: text(120).default(''),
  latitude: z.number({ error: 'validation.number' }).min(-90, { error: 'validation.range' }).max(90, { error: 'validation.range' }).nullable().default(null),
  longitude: z.number({ error: 'validation.number' }).min(-180, { error: 'validation.range' }).max(180, { error: 'validation.range' }).nullable().default(null),
  languages: setOf(languageTag, { min: 1, max: 20 }),
  internet: oneOf(INTERNET_LEVELS),
  mobile: oneOf(MOBILE_LEVELS),
  hasSms: z.boolean({ error: 'validation.invalid_type' }),
  radioName: text(120).default(''),
  radioFrequency: text(40).default(''),
  electricity: oneOf(ELECTRICITY_LEVELS),
  population: z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(0, { error: 'validation.range' }).max(2_000_000_000, { error: 'validation.range' }).nullable().default(null),
  themes: setOf(oneOf(THEMES), { max: 16 }),
  contactName: text(120).default(''),
  contactEmail: email.default(''),
  contactPhone: phone.default(''),
});

/** Creating a hub: the profile plus its texts in the original language. */
export const hubInputSchema = hubProfileSchema.extend({
  originalLanguage: languageTag,
  text: hubTextSchema,
});

export type HubProfile = z.output<typeof hubProfileSchema>;
export type HubInput = z.output<typeof hubInputSchema>;
export type HubText = z.output<typeof hubTextSchema>;

export type HubContact = { name: string; email: string; phone: string };

/** A hub as read: profile, all its texts, and its contact (which callers strip for anonymous readers). */
export type Hub = Omit<HubProfile, 'contactName' | 'contactEmail' | 'contactPhone'> & {
  id: string;
  originalLanguage: string;
  texts: Record<string, HubText>;
  contact: HubContact | null;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
};
