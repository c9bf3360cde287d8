import { describe, expect, it } from 'vitest';
import { asErrorInfo } from './errors';

describe('asErrorInfo', () => {
  it('keeps code, hint and values, so the UI can word the error from its catalog', () => {
    const thrown = Object.assign(new Error('Retry at 14:05.'), { code: 'rate-limited', hint: 'Wait.', values: { at: 1_700_000_000_000, site: 'example.com' } });
    expect(asErrorInfo(thrown)).toEqual({ code: 'rate-limited', message: 'Retry at 14:05.', hint: 'Wait.', values: { at: 1_700_000_000_000, site: 'example.com' } });
  });

  it('turns anything without a known code into an internal error with its message', () => {
    expect(asErrorInfo(Object.assign(new Error('disk'), { code: 'ENOSPC' }))).toMatchObject({ code: 'internal', message: 'disk' });
    expect(asErrorInfo('boom')).toMatchObject({ code: 'internal', message: 'boom' });
  });
});
