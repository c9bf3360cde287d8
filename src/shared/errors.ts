/** Every error the user can see has one of these codes. Messages are written for people. */
export const ERROR_CODES = [
  'invalid-url',
  'invalid-input',
  'unsupported-site',
  'rate-limited',
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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  hint?: string;
}

export class VidKeepError extends Error implements ErrorInfo {
  readonly code: ErrorCode;
  readonly hint?: string;
  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'VidKeepError';
    this.code = code;
    if (hint !== undefined) this.hint = hint;
  }
  toJSON(): ErrorInfo {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into the shape that crosses the wire, without leaking stack traces. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof VidKeepError) return err.toJSON();
  if (err && typeof err === 'object' && 'code' in err && isErrorCode((err as { code: unknown }).code)) {
    const e = err as { code: ErrorCode; message?: unknown; hint?: unknown };
    const info: ErrorInfo = { code: e.code, message: String(e.message ?? e.code) };
    if (typeof e.hint === 'string') info.hint = e.hint;
    return info;
  }
  return { code: 'internal', message: 'Something went wrong inside VidKeep.', hint: err instanceof Error ? err.message : String(err) };
}
