/** One check of a subscription for new videos, as the Subscriptions view and notifications see it. */
import { z } from 'zod';
import { errorViewSchema } from './errors';
import { jobStateSchema, millisSchema } from './progress';

export const subscriptionCheckSchema = z.object({
  /** The job id. */
  id: z.string(),
  subscriptionId: z.string(),
  /** The channel or playlist title once known, its link before. */
  title: z.string(),
  state: jobStateSchema,
  /** Started by "Check now" (or the first check) rather than by the schedule. */
  manual: z.boolean(),
  /** New videos this check queued; null until it finished. */
  queued: z.number().int().nullable(),
  /** Entries of the listing it looked at; null until it finished. */
  looked: z.number().int().nullable(),
  error: errorViewSchema.nullable(),
  createdAt: millisSchema,
  startedAt: millisSchema.nullable(),
  finishedAt: millisSchema.nullable(),
});
export type SubscriptionCheck = z.infer<typeof subscriptionCheckSchema>;
