import { errorViewSchema, type ErrorInfo } from '../../../shared/errors';

/** Anything thrown by api.invoke (or elsewhere) as the shape the UI shows, code and values kept. */
export function asErrorInfo(e: unknown): ErrorInfo {
  if (e && typeof e === 'object') {
    const x = errorViewSchema.safeParse({ ...e, message: (e as { message?: unknown }).message });
    if (x.success) return x.data;
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: detail, values: { reason: 'detail', detail } };
}

export const isNotSupported = (e: ErrorInfo | null): boolean => e?.code === 'not-supported';
