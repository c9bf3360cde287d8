/**
 * The dynamic parts of an error, made ready for an ICU message in a locale: sizes (`…Bytes`) and
 * time spans (`…Ms`) worded with Intl, instants (`…At`, ms since epoch) as Dates for `{x, time}`.
 * Plain Intl, so the renderer and the main process word them alike.
 */
export type ReadyValues = Record<string, string | number | Date>;

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function bytesText(locale: string, n: number): string {
  let v = n;
  let i = 0;
  while (v >= 1000 && i < BYTE_UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  const unit = BYTE_UNITS[i]!;
  const digits = unit === 'byte' || v >= 100 ? 0 : 1;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'narrow' : 'short', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);
}

/** "90 s", "45 min", "3 h": a limit as the user set it, roughly. */
export function spanText(locale: string, ms: number): string {
  const f = (v: number, unit: 'second' | 'minute' | 'hour') => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(v);
  if (ms < 120_000) return f(Math.round(ms / 1000), 'second');
  if (ms < 3 * 3_600_000 || ms % 3_600_000 !== 0) return f(Math.round(ms / 60_000), 'minute');
  return f(ms / 3_600_000, 'hour');
}

export function readyValues(locale: string, values: Record<string, string | number> | undefined): ReadyValues {
  const out: ReadyValues = { reason: 'other' };
  for (const [k, v] of Object.entries(values ?? {})) {
    if (typeof v === 'number' && k.endsWith('Bytes')) out[k] = bytesText(locale, v);
    else if (typeof v === 'number' && k.endsWith('Ms')) out[k] = spanText(locale, v);
    else if (typeof v === 'number' && k.endsWith('At')) out[k] = new Date(v);
    else out[k] = v;
  }
  return out;
}
