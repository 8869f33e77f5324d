import { z } from 'zod';
import { oneOf, requiredText, setOf, uuid } from '../shared/fields.js';
import { ROLES, SECTORS, UI_LOCALES, type Role } from '../taxonomy/index.js';

export const PASSWORD_MIN = 10;

export const emailSchema = z
  .string({ error: 'validation.invalid_type' })
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email({ error: 'validation.email' }).max(254, { error: 'validation.too_long:254' }));

export const passwordSchema = z
  .string({ error: 'validation.invalid_type' })
  .min(PASSWORD_MIN, { error: `validation.password_short:${PASSWORD_MIN}` })
  .max(256, { error: 'validation.too_long:256' });

export const newUserSchema = z.object({
  email: emailSchema,
  displayName: requiredText(120),
  password: passwordSchema,
  role: oneOf(ROLES),
  organisationId: uuid.nullable().default(null),
  hubIds: setOf(uuid, { max: 20 }),
});

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(256),
});

export const organisationSchema = z.object({
  name: requiredText(200),
  sector: oneOf(SECTORS),
});

export const localeSchema = oneOf(UI_LOCALES);

export type NewUser = z.input<typeof newUserSchema>;

export type User = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  locale: string | null;
  isDemo: boolean;
  createdAt: Date;
};

/** Who is acting: a signed-in user with the hubs they coordinate, or null for an anonymous reader. */
export type Actor = { id: string; role: Role; hubIds: string[]; displayName: string; locale: string | null } | null;
