/**
 * Checks a pair of message catalogs: the same keys, ICU that parses, the same placeholders and tags,
 * and the same choices in every select. Returns problems as sentences, so a test can show them all.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export interface Shape {
  /** Argument names, tags and select choices, e.g. "arg:count", "tag:code", "select:reason=empty". */
  parts: Set<string>;
}

function walk(els: MessageFormatElement[], parts: Set<string>): void {
  for (const el of els) {
    switch (el.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        parts.add(`arg:${el.value}`);
        break;
      case TYPE.tag:
        parts.add(`tag:${el.value}`);
        walk(el.children, parts);
        break;
      case TYPE.select:
        parts.add(`arg:${el.value}`);
        for (const [k, opt] of Object.entries(el.options)) {
          parts.add(`select:${el.value}=${k}`);
          walk(opt.value, parts);
        }
        break;
      case TYPE.plural:
        parts.add(`arg:${el.value}`);
        for (const opt of Object.values(el.options)) walk(opt.value, parts);
        break;
      default:
        break;
    }
  }
}

/** The placeholders of one message, or the parser's complaint. */
export function shapeOf(message: string): Shape | string {
  try {
    const parts = new Set<string>();
    walk(parse(message), parts);
    return { parts };
  } catch (err) {
    return (err as Error).message;
  }
}

export function checkCatalogs(catalogs: Record<string, Record<string, string>>, reference = 'en'): string[] {
  const problems: string[] = [];
  const ref = catalogs[reference];
  if (!ref) return [`no ${reference} catalog`];
  for (const [locale, cat] of Object.entries(catalogs)) {
    for (const key of Object.keys(ref)) if (!(key in cat)) problems.push(`${locale}: missing ${key}`);
    for (const key of Object.keys(cat)) if (!(key in ref)) problems.push(`${locale}: ${key} is not in ${reference}`);
    for (const [key, message] of Object.entries(cat)) {
      if (typeof message !== 'string') {
        problems.push(`${locale}: ${key} is not a string`);
        continue;
      }
      const shape = shapeOf(message);
      if (typeof shape === 'string') {
        problems.push(`${locale}: ${key} does not parse (${shape})`);
        continue;
      }
      const refShape = locale === reference || !(key in ref) ? null : shapeOf(ref[key]!);
      if (refShape && typeof refShape !== 'string') {
        const a = [...shape.parts].sort().join(' ');
        const b = [...refShape.parts].sort().join(' ');
        if (a !== b) problems.push(`${locale}: ${key} has placeholders [${a}], ${reference} has [${b}]`);
      }
    }
  }
  return problems;
}

/** The literal text of a message (no placeholders), for finding a catalog's words on a page. */
export function literalTexts(message: string): string[] {
  const out: string[] = [];
  const go = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal) out.push(el.value);
      else if (el.type === TYPE.tag) go(el.children);
      else if (el.type === TYPE.select || el.type === TYPE.plural) for (const o of Object.values(el.options)) go(o.value);
    }
  };
  go(parse(message));
  return out;
}
