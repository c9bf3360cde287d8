import type { ErrorInfo } from '../../../shared/errors';

/** Anything thrown by api.invoke (or elsewhere) as the shape the UI shows. */
export function asErrorInfo(e: unknown): ErrorInfo {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const x = e as { code: ErrorInfo['code']; message: string; hint?: string };
    return x.hint ? { code: x.code, message: x.message, hint: x.hint } : { code: x.code, message: x.message };
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

export const isNotSupported = (e: ErrorInfo | null): boolean => e?.code === 'not-supported';
