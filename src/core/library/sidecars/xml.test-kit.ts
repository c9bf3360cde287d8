/** Strict XML parsing for the sidecar tests: any parser warning or error fails the test. */
import { expect } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';

export function parseXml(text: string): Document {
  const problems: string[] = [];
  const record = (level: string) => (msg: string) => void problems.push(`${level}: ${msg}`);
  const doc = new DOMParser({ errorHandler: { warning: record('warning'), error: record('error'), fatalError: record('fatal') } }).parseFromString(text, 'text/xml');
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}
