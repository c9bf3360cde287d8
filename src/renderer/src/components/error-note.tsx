import { useIntl } from 'react-intl';
import { errorText, type UiError } from '../i18n/error-text';

/** An error as the user reads it: what happened, then what to do. */
export function ErrorNote({ error, live = true }: { error: UiError; live?: boolean }) {
  const intl = useIntl();
  const notYet = 'code' in error && error.code === 'not-supported';
  const { message, hint } = errorText(intl, error);
  return (
    <div className={`note ${notYet ? 'note-info' : 'note-error'}`} role={live && !notYet ? 'alert' : undefined}>
      <strong>{message}</strong>
      {hint && <span> {hint}</span>}
    </div>
  );
}

/** Message and hint inline, for rows and lists (the hint quieter). */
export function ErrorLine({ error }: { error: UiError }) {
  const intl = useIntl();
  const { message, hint } = errorText(intl, error);
  return (
    <>
      {message}
      {hint && <span className="hint"> {hint}</span>}
    </>
  );
}
