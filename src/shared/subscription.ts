import { z } from 'zod';
import { errorViewSchema } from './errors';
import { downloadOptionsSchema } from './download';
import { millisSchema } from './progress';

export const subscriptionFiltersSchema = z
  .object({
    /** Only titles containing this (case-insensitive). */
    titleIncludes: z.string().max(200).optional(),
    /** Never titles containing this (case-insensitive). */
    titleExcludes: z.string().max(200).optional(),
    minDurationSec: z.number().int().min(0).max(100 * 3600).optional(),
    maxDurationSec: z.number().int().min(1).max(100 * 3600).optional(),
    /** Only videos published on or after this day (YYYY-MM-DD), when the listing says. */
    after: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31').optional(),
  })
  .strict();
export type SubscriptionFilters = z.infer<typeof subscriptionFiltersSchema>;

export const subscriptionRetentionSchema = z
  .object({
    /** Keep only the newest N videos of this subscription. */
    keepLast: z.number().int().min(1).max(100_000).optional(),
    /** Delete this subscription's videos older than N days. */
    keepDays: z.number().int().min(1).max(36_500).optional(),
  })
  .strict();
export type SubscriptionRetention = z.infer<typeof subscriptionRetentionSchema>;

/** What the first check of a subscription fetches. */
export const initialFetchSchema = z.enum(['new', 'last', 'all']);
export type InitialFetch = z.infer<typeof initialFetchSchema>;

export const subscriptionSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  /** Five-field cron expression. */
  cron: z.string(),
  paused: z.boolean(),
  filters: subscriptionFiltersSchema,
  options: downloadOptionsSchema.partial(),
  retention: subscriptionRetentionSchema,
  initial: initialFetchSchema,
  /** For initial 'last': how many of the newest videos the first check fetches. */
  initialCount: z.number().int(),
  createdAt: millisSchema,
  lastCheckAt: millisSchema.nullable(),
  nextCheckAt: millisSchema.nullable(),
  /** New videos the last successful check queued. */
  lastNewCount: z.number().int(),
  /** Every video this subscription has queued. */
  totalQueued: z.number().int(),
  lastError: errorViewSchema.nullable(),
  checking: z.boolean(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const archiveImportSchema = z.object({
  added: z.number().int(),
  /** Lines already in the archive. */
  known: z.number().int(),
  /** Lines that are not `site id`: the first few, for the message. */
  invalid: z.array(z.string()),
  invalidCount: z.number().int(),
});
export type ArchiveImport = z.infer<typeof archiveImportSchema>;
