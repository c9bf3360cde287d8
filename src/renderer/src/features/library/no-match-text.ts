/**
 * What the library says when its filters leave nothing: the words searched for and the subscription
 * chosen, so a filter set elsewhere ("Show videos" on a subscription) is never a silent one.
 */
export function noMatchText({ text, from, otherFilters }: { text: string; from: string | null; otherFilters: boolean }): string {
  if (from && text) return `Nothing from “${from}” matches “${text}”. Try fewer words, or choose “All videos”.`;
  if (text) return `Nothing in your library matches “${text}”. Try fewer words or another filter.`;
  if (from && otherFilters) return `Nothing from “${from}” matches these filters. Try another filter, or choose “All videos”.`;
  if (from) return `No videos from “${from}” are in your library yet. Choose “All videos” to see everything else.`;
  return 'Nothing matches these filters. Try fewer words or another filter.';
}
