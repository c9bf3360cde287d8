import { z } from 'zod';

/** Milliseconds since the epoch, UTC. */
export type Millis = number;
export const millisSchema = z.number();

export const JOB_STATES = ['queued', 'active', 'succeeded', 'failed', 'cancelled'] as const;
export const jobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobStateSchema>;

export const STAGES = [
  'waiting',
  'probing',
  'downloading-video',
  'downloading-audio',
  'downloading',
  'merging',
  'post-processing',
  'indexing',
  'done',
] as const;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

export const progressSchema = z.object({
  stage: stageSchema,
  /** 0..100, or null while indeterminate (merging, probing). */
  percent: z.number().nullable(),
  downloadedBytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
  /** Bytes per second. */
  speed: z.number().nullable(),
  /** Seconds left. */
  eta: z.number().nullable(),
  title: z.string().optional(),
  thumbnailUrl: z.string().optional(),
});
export type Progress = z.infer<typeof progressSchema>;

/** One page of a list; `nextCursor` is absent on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), totalAtLeast: z.boolean().optional(), nextCursor: z.string().optional() });
export interface Page<T> {
  items: T[];
  total: number;
  /** `total` is a floor: at least that many match (counting them all was not worth the wait). */
  totalAtLeast?: boolean;
  nextCursor?: string | undefined;
}
