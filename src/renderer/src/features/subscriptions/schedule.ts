import type { IntlShape } from 'react-intl';
import { t, type MessageId } from '../../i18n/t';

/** Friendly check intervals and the cron expressions they stand for. */
export const CHECK_PRESETS: ReadonlyArray<{ cron: string; label: MessageId }> = [
  { cron: '0 * * * *', label: 'subs.schedule.hourly' },
  { cron: '0 */6 * * *', label: 'subs.schedule.6h' },
  { cron: '0 3 * * *', label: 'subs.schedule.daily' },
  { cron: '0 3 * * 0', label: 'subs.schedule.weekly' },
];

export const DEFAULT_CRON = '0 */6 * * *';
/** The select's value for "Custom…": the cron expression is typed instead. */
export const CUSTOM = 'custom';

/** The preset's cron, or CUSTOM when the expression is not one of them. */
export function presetFor(cron: string): string {
  const c = cron.trim().replace(/\s+/g, ' ');
  return CHECK_PRESETS.some((p) => p.cron === c) ? c : CUSTOM;
}

/** "Every 6 hours", or the expression itself for anything custom. */
export function describeCron(intl: IntlShape, cron: string): string {
  const c = cron.trim().replace(/\s+/g, ' ');
  const preset = CHECK_PRESETS.find((p) => p.cron === c);
  return preset ? t(intl, preset.label) : t(intl, 'subs.schedule.custom', { cron: c });
}
