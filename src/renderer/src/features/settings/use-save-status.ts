import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../shared/errors';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; error: ErrorInfo; field: string };

/** Wraps a save so the view can show "Saved" for a few seconds, or the error next to its field. */
export function useSaveStatus(): { status: SaveStatus; track: (field: string, p: Promise<unknown>) => void } {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  const track = useCallback((field: string, p: Promise<unknown>) => {
    if (timer.current) clearTimeout(timer.current);
    setStatus({ kind: 'saving' });
    p.then(
      () => {
        setStatus({ kind: 'saved' });
        timer.current = setTimeout(() => setStatus({ kind: 'idle' }), 4000);
      },
      (e: ErrorInfo) => setStatus({ kind: 'error', error: e, field }),
    );
  }, []);
  return { status, track };
}
