import { z } from 'zod';
import { countryCode, languageTag, oneOf, requiredText, setOf, uuid } from '../shared/fields.js';
import { isCountryCode, THEMES } from '../taxonomy/index.js';
import { adminAreaKey } from './places.js';

/** What alerts are about (issue 5); a subscriber's topic is one of these or a practice theme. */
export const ALERT_CATEGORIES = ['drought', 'flood', 'locusts', 'epidemic', 'market_prices', 'other'] as const;
export const TOPICS = [...ALERT_CATEGORIES, ...THEMES] as const;
export const AREA_KINDS = ['hub', 'admin_area', 'country'] as const;
export const SUBSCRIBER_STATUSES = ['active', 'opted_out'] as const;
export const CONSENT_CHANNELS = ['sms', 'http', 'web', 'cli', 'import'] as const;
export const CONSENT_ACTIONS = ['opt_in', 'opt_out', 'subscribe', 'unsubscribe', 'language'] as const;

export type AlertCategory = (typeof ALERT_CATEGORIES)[number];
export type Topic = (typeof TOPICS)[number];
export type AreaKind = (typeof AREA_KINDS)[number];
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** An admin-area key in its canonical form ("NE:maradi"; see `adminAreaKey`). */
export const isAdminAreaKey = (key: string) =>
  /^[A-Z]{2}:./.test(key) && isCountryCode(key.slice(0, 2)) && adminAreaKey(key.slice(0, 2), key.slice(3)) === key;

export const areaSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('country'), code: countryCode }),
    z.object({ kind: z.literal('admin_area'), code: z.string({ error: 'validation.invalid_type' }).refine(isAdminAreaKey, { error: 'validation.admin_area' }) }),
    z.object({ kind: z.literal('hub'), code: uuid }),
  ],
  { error: 'validation.invalid_choice' },
);
export type Area = z.output<typeof areaSchema>;

// The raw number as typed or received; `normalisePhone` decides whether it is one.
const phone = z.string({ error: 'validation.invalid_type' }).max(64);
const byNumber = { phone, defaultCountry: countryCode.optional(), channel: oneOf(CONSENT_CHANNELS) };

export const subscribeSchema = z.object({ ...byNumber, topic: oneOf(TOPICS), area: areaSchema, language: languageTag.optional() });
/** Without `topic`, every subscription goes; without `area`, the topic goes everywhere. */
export const unsubscribeSchema = z.object({ ...byNumber, topic: oneOf(TOPICS).optional(), area: areaSchema.optional() });
export const consentSchema = z.object(byNumber);
export const languageChangeSchema = z.object({ ...byNumber, language: languageTag });
export const blockSchema = z.object({ phone, defaultCountry: countryCode.optional(), reason: requiredText(500) });
export const numberSchema = z.object({ phone, defaultCountry: countryCode.optional() });

/** The audience of an alert: its topics and areas, optionally only people reading one of `languages`. */
export const audienceSchema = z.object({
  topics: setOf(oneOf(TOPICS), { min: 1 }),
  countries: setOf(countryCode, { max: 300 }),
  adminAreas: setOf(z.string().refine(isAdminAreaKey, { error: 'validation.admin_area' }), { max: 5000 }),
  hubIds: setOf(uuid, { max: 5000 }),
  // Absent: any language. (setOf's default would turn absent into "none".)
  languages: z.array(languageTag, { error: 'validation.invalid_type' }).max(50, { error: 'validation.too_many' }).optional(),
});
export const audiencePageSchema = z.object({
  afterId: uuid.nullish(),
  limit: z.number({ error: 'validation.number' }).int().min(1, { error: 'validation.range' }).max(5000, { error: 'validation.range' }).default(500),
});

export type SubscribeInput = z.input<typeof subscribeSchema>;
export type Audience = z.input<typeof audienceSchema>;

export type Subscriber = {
  id: string;
  phone: string;
  language: string;
  status: SubscriberStatus;
  optedOutAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type Subscription = { id: string; topic: Topic; area: Area; areaCountry: string; createdAt: Date };

type SubscriptionRef = { topic: Topic; area: Area };

/** What exactly each kind of consent event was about, stored as its `detail`. */
export type ConsentDetails = {
  subscribe: { topic: Topic; area: Area; language: string };
  unsubscribe: { topic: Topic | null; removed: SubscriptionRef[] };
  opt_out: { paused: SubscriptionRef[] };
  opt_in: { reason: 'explicit' | 'subscribe'; resumed: SubscriptionRef[] };
  language: { from: string; to: string };
};

export type ConsentEvent = { [A in ConsentAction]: { at: Date; channel: ConsentChannel; action: A; detail: ConsentDetails[A] } }[ConsentAction];

/** A place named in a message: a country, an admin area or a hub, with the country it lies in. */
export type Place = Area & { country: string; label: string };

/** What the alert fan-out needs of a subscriber. */
export type Recipient = { id: string; phone: string; language: string };

export type SubscriberSummary = Subscriber & { subscriptionCount: number };

/** Everything held about one number (a data-subject request). */
export type SubscriberExport = {
  phone: string;
  subscriber: Subscriber | null;
  subscriptions: Subscription[];
  consentEvents: ConsentEvent[];
  block: { reason: string; createdAt: Date } | null;
};
