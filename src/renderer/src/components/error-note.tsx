import type { ErrorInfo } from '../../../shared/errors';

/** An error as the user reads it: what happened, then what to do. */
export function ErrorNote({ error, live = true }: { error: ErrorInfo; live?: boolean }) {
  const notYet = error.code === 'not-supported';
  return (
    <div className={`note ${notYet ? 'note-info' : 'note-error'}`} role={live && !notYet ? 'alert' : undefined}>
      <strong>{error.message}</strong>
      {error.hint && <span> {error.hint}</span>}
    </div>
  );
}
