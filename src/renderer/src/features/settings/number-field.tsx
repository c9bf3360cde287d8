import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';

interface Props {
  id: string;
  label: string;
  help?: string;
  value: number;
  min: number;
  max: number;
  onCommit: (n: number) => void;
  error?: string;
}

/** A number input that saves when the value is valid and the user pauses or leaves the field. */
export function NumberField({ id, label, help, value, min, max, onCommit, error }: Props) {
  const t = useT();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
  const commit = () => {
    if (valid && n !== value) onCommit(n);
  };
  const msg = !valid ? t('settings.number.invalid', { min, max }) : error;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        aria-invalid={!valid || undefined}
        aria-describedby={`${id}-help${msg ? ` ${id}-err` : ''}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {help && <p id={`${id}-help`} className="help">{help}</p>}
      {msg && <p id={`${id}-err`} className="field-error">{msg}</p>}
    </div>
  );
}
