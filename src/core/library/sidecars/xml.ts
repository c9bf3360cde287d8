/**
 * XML 1.0 text that any parser accepts, whatever a site put in a title: characters XML forbids
 * (NUL, most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped, markup characters escaped.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface XmlElement {
  name: string;
  attrs?: Record<string, string>;
  text: string;
}

/** `<name a="v">text</name>`; names are ours (never data), values are escaped. */
export function element(e: XmlElement): string {
  const attrs = Object.entries(e.attrs ?? {}).map(([k, v]) => ` ${k}="${xmlText(v)}"`).join('');
  return `<${e.name}${attrs}>${xmlText(e.text)}</${e.name}>`;
}

/** A document with one root holding the given children; empty values are left out. */
export function xmlDocument(root: string, children: Array<XmlElement | null>): string {
  const body = children.filter((c): c is XmlElement => c !== null && c.text !== '').map((c) => `  ${element(c)}\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root}>\n${body}</${root}>\n`;
}
