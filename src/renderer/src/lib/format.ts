/** Sizes, speeds, durations and times for the user's locale, all through Intl (via react-intl). */
import type { IntlShape } from 'react-intl';
import { t } from '../i18n/t';
import { bytesText } from '../../../shared/i18n/values';

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

function scaled(n: number): { value: number; unit: (typeof BYTE_UNITS)[number] } {
  let v = n;
  let i = 0;
  // SI steps, because Intl's kilobyte/megabyte are 1000-based names.
  while (v >= 1000 && i < BYTE_UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  return { value: v, unit: BYTE_UNITS[i]! };
}

const fraction = (v: number, unit: string) => (unit === 'byte' || v >= 100 ? 0 : 1);

export function formatBytes(intl: IntlShape, n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return bytesText(intl.locale, n);
}

export function formatSpeed(intl: IntlShape, bps: number | null | undefined): string {
  if (!bps || !Number.isFinite(bps)) return '';
  const { value, unit } = scaled(bps);
  const digits = fraction(value, unit);
  return intl.formatNumber(value, { style: 'unit', unit: `${unit}-per-second`, unitDisplay: 'short', maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A video's length as a clock reads: 75 -> "1:15", 3725 -> "1:02:05" (digits are the same everywhere). */
export function formatDuration(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return '';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const unit = (intl: IntlShape, value: number, u: 'millisecond' | 'second' | 'minute' | 'hour', digits = 0) =>
  intl.formatNumber(value, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits });

export function formatEta(intl: IntlShape, sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return '';
  const time = sec < 60 ? unit(intl, Math.max(1, Math.round(sec)), 'second') : sec < 3600 ? unit(intl, Math.round(sec / 60), 'minute') : unit(intl, sec / 3600, 'hour', 1);
  return t(intl, 'time.left', { time });
}

export function formatMs(intl: IntlShape, ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return t(intl, 'format.none');
  if (ms < 1000) return unit(intl, Math.round(ms), 'millisecond');
  if (ms < 60_000) return unit(intl, ms / 1000, 'second', 1);
  return formatDuration(ms / 1000);
}

export function formatWhen(intl: IntlShape, ts: number | null | undefined, now = Date.now()): string {
  if (!ts) return t(intl, 'format.none');
  const diff = (ts - now) / 1000;
  const abs = Math.abs(diff);
  const rel = (v: number, u: 'second' | 'minute' | 'hour' | 'day') => intl.formatRelativeTime(Math.round(v), u, { numeric: 'auto' });
  if (abs < 60) return rel(diff, 'second');
  if (abs < 3600) return rel(diff / 60, 'minute');
  if (abs < 86_400) return rel(diff / 3600, 'hour');
  if (abs < 30 * 86_400) return rel(diff / 86_400, 'day');
  return intl.formatDate(ts, { dateStyle: 'medium' });
}

export function formatDate(intl: IntlShape, ts: number): string {
  return intl.formatDate(ts, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDay(intl: IntlShape, ts: number): string {
  return intl.formatDate(ts, { dateStyle: 'short' });
}

/** Finds http(s) links in free text (one per line, or dragged/pasted blobs). */
export function extractUrls(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"']+/gi) ?? [])];
}
