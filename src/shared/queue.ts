import { z } from 'zod';
import { JOB_STATES, millisSchema } from './progress';

const count = z.number().int();

export const queueMetricsSchema = z.object({
  counts: z.object(Object.fromEntries(JOB_STATES.map((s) => [s, count])) as Record<(typeof JOB_STATES)[number], typeof count>),
  depthByQueue: z.record(z.string(), count),
  /** Running and waiting jobs per job name: the Downloads header counts downloads only, not the posters chained after them. */
  liveByName: z.record(z.string(), z.object({ active: count, queued: count })),
  avgRunMs: z.number().nullable(),
  p95RunMs: z.number().nullable(),
  /** Jobs finished in the last hour. */
  throughputPerHour: z.number(),
  failuresByCode: z.record(z.string(), count),
  paused: z.boolean(),
  pausedQueues: z.array(z.string()),
});
export type QueueMetrics = z.infer<typeof queueMetricsSchema>;

export const scheduleViewSchema = z.object({
  id: z.string(),
  cron: z.string(),
  jobName: z.string(),
  lastFireAt: millisSchema.nullable(),
  nextFireAt: millisSchema.nullable(),
  catchUp: z.enum(['skip', 'once']),
  paused: z.boolean(),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;
