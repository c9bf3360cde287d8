/**
 * Reads one top-level block of flat `key: scalar` lines from a YAML file. No YAML parser is a
 * direct dependency (js-yaml is only there for electron-builder), and the checks need only this:
 * anything it does not understand inside the block throws, so a reshaped file fails loudly
 * instead of passing by not being read.
 */
export function readYamlMap(text: string, block: string): Record<string, boolean | number | string> {
  const lines = text.split(/\r?\n/);
  const starts = lines.flatMap((l, i) => (new RegExp(`^${block}:\\s*(#.*)?$`).test(l) ? [i] : []));
  if (starts.length !== 1) throw new Error(`expected one top-level "${block}:" block, found ${starts.length}`);
  const out: Record<string, boolean | number | string> = {};
  for (const line of lines.slice(starts[0]! + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (!/^\s/.test(line)) break;
    const m = /^\s+([A-Za-z][\w-]*):\s*("[^"]*"|'[^']*'|[^\s#]+)\s*(#.*)?$/.exec(line);
    if (!m) throw new Error(`cannot read "${line.trim()}" in ${block}`);
    const [, key, raw] = m as unknown as [string, string, string];
    if (key in out) throw new Error(`"${key}" appears twice in ${block}`);
    out[key] = /^(true|false)$/.test(raw) ? raw === 'true' : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw.replace(/^["']|["']$/g, '');
  }
  return out;
}
