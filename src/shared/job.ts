/** Any job of the queue, for the Queue inspector; downloads and checks also carry their domain view. */
import { z } from 'zod';
import { errorViewSchema } from './errors';
import { downloadSchema } from './download';
import { subscriptionCheckSchema } from './subscription-check';
import { jobStateSchema, millisSchema, progressSchema } from './progress';

/** The kinds of job the core runs, as they appear in JobView.name. */
export const JOB_NAMES = { download: 'download', subscriptionCheck: 'subscription.check' } as const;

export const jobViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  queue: z.string(),
  state: jobStateSchema,
  priority: z.number(),
  tries: z.number().int(),
  maxTries: z.number().int(),
  runAt: millisSchema,
  createdAt: millisSchema,
  startedAt: millisSchema.nullable(),
  finishedAt: millisSchema.nullable(),
  error: errorViewSchema.nullable(),
  progress: progressSchema.nullable(),
  /** A short label for lists: the title once known, the URL before. For display only. */
  label: z.string(),
  /** Set while a cancel or shutdown is stopping this run. */
  stopping: z.boolean(),
  /** Set when the job is a download. */
  download: downloadSchema.nullable(),
  /** Set when the job is a subscription check. */
  check: subscriptionCheckSchema.nullable(),
});
export type JobView = z.infer<typeof jobViewSchema>;
