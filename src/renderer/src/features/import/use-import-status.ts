import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { ImportStatus } from '../../../../shared/import';

/** The running (or last) import, live: asked once, then told by `import.changed`. */
export function useImportStatus(): ImportStatus | null {
  const [status, setStatus] = useState<ImportStatus | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.on('import.changed', (s) => setStatus(s));
    api.invoke('import.status', {}).then(
      (s) => live && setStatus((cur) => cur ?? s),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, []);
  return status;
}

export const isRunning = (s: ImportStatus | null): boolean => s !== null && (s.state === 'scanning' || s.state === 'importing');
