import type { SubscriptionRetention } from '../../shared/types';

const DAY = 86_400_000;

/**
 * Which of a subscription's videos (newest first) its retention rule removes. Videos marked keep
 * are never removed and do not count towards "keep last N".
 */
export function pickExpired(videos: Array<{ id: string; addedAt: number; keep: boolean }>, rule: SubscriptionRetention, now: number): string[] {
  const out: string[] = [];
  let counted = 0;
  for (const v of videos) {
    if (v.keep) continue;
    counted++;
    const tooMany = rule.keepLast !== undefined && counted > rule.keepLast;
    const tooOld = rule.keepDays !== undefined && v.addedAt < now - rule.keepDays * DAY;
    if (tooMany || tooOld) out.push(v.id);
  }
  return out;
}
