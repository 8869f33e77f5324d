import { z } from 'zod';

export const pagingSchema = z.object({
  page: z.coerce.number({ error: 'validation.number' }).int().min(1, { error: 'validation.range' }).max(100_000, { error: 'validation.range' }).default(1),
  perPage: z.coerce.number({ error: 'validation.number' }).int().min(1, { error: 'validation.range' }).max(100, { error: 'validation.range' }).default(20),
});

export type Paging = z.output<typeof pagingSchema>;
export type Page<T> = { items: T[]; page: number; perPage: number; total: number };

export const offsetOf = (p: Paging) => (p.page - 1) * p.perPage;
