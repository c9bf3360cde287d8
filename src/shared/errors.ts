import { z } from 'zod';

/** Every error the user can see has one of these codes. Messages are written for people. */
export const ERROR_CODES = [
  'invalid-url',
  'invalid-input',
  'unsupported-site',
  'rate-limited',
  'sign-in-required',
  'checksum-mismatch',
  'proxy-failed',
  'forbidden',
  'unavailable',
  'network',
  'no-space',
  'timeout',
  'stalled',
  'cancelled',
  'ytdlp-missing',
  'ytdlp-broken',
  'ffmpeg-missing',
  'outside-library',
  'duplicate',
  'not-found',
  'unknown-job',
  'unknown-channel',
  'payload-too-large',
  'db-newer',
  'db-locked',
  'db-corrupt',
  'crash-loop',
  'dependency-failed',
  'unauthorized',
  'not-supported',
  'internal',
  'download-failed',
  'busy',
  'library-folder-locked',
  'too-many-connections',
  'too-many-downloads',
  'format-unavailable',
  'disk-full',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorCodeSchema = z.enum(ERROR_CODES);

/**
 * An error as every view carries it. `code` and `values` let the renderer word it from its own
 * catalog; `message` and `hint` are the core's English wording, for logs and as a fallback.
 */
export const errorViewSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  hint: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorView = z.infer<typeof errorViewSchema>;
export type ErrorValues = NonNullable<ErrorView['values']>;
/** The same shape under its older name. */
export type ErrorInfo = ErrorView;

export class VidKeepError extends Error implements ErrorInfo {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly values?: ErrorValues;
  constructor(code: ErrorCode, message: string, hint?: string, values?: ErrorValues) {
    super(message);
    this.name = 'VidKeepError';
    this.code = code;
    if (hint !== undefined) this.hint = hint;
    if (values !== undefined) this.values = values;
  }
  toJSON(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.hint !== undefined) info.hint = this.hint;
    if (this.values !== undefined) info.values = this.values;
    return info;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into the shape that crosses the wire, without leaking stack traces. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof VidKeepError) return err.toJSON();
  if (err && typeof err === 'object' && 'code' in err && isErrorCode((err as { code: unknown }).code)) {
    const e = err as { code: ErrorCode; message?: unknown; hint?: unknown; values?: unknown };
    const info: ErrorInfo = { code: e.code, message: String(e.message ?? e.code) };
    if (typeof e.hint === 'string') info.hint = e.hint;
    const values = errorViewSchema.shape.values.safeParse(e.values);
    if (values.success && values.data) info.values = values.data;
    return info;
  }
  const detail = (err instanceof Error ? err.message : String(err)).slice(0, 300);
  return { code: 'internal', message: 'Something went wrong inside VidKeep.', hint: detail, values: { reason: 'detail', detail } };
}
