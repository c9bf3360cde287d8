/** Opens the collapsed section holding a field, then moves focus there so the fix is one step away. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const details = el.closest('details');
  if (details && !details.open) details.open = true;
  el.focus();
}
