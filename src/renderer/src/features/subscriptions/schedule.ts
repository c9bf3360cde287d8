/** Friendly check intervals and the cron expressions they stand for. */
export const CHECK_PRESETS: ReadonlyArray<{ cron: string; label: string }> = [
  { cron: '0 * * * *', label: 'Every hour' },
  { cron: '0 */6 * * *', label: 'Every 6 hours' },
  { cron: '0 3 * * *', label: 'Every day' },
  { cron: '0 3 * * 0', label: 'Every week' },
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
export function describeCron(cron: string): string {
  const c = cron.trim().replace(/\s+/g, ' ');
  return CHECK_PRESETS.find((p) => p.cron === c)?.label ?? `On schedule ${c}`;
}
