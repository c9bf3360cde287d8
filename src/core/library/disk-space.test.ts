import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { DISK_MARGIN_BYTES, diskFullError, freeBytes, wontFit } from './disk-space';

describe('disk space', () => {
  it('fits only with the margin left', () => {
    expect(wontFit(1000, 1000 + DISK_MARGIN_BYTES)).toBe(false);
    expect(wontFit(1001, 1000 + DISK_MARGIN_BYTES)).toBe(true);
    expect(wontFit(5, 10, 0)).toBe(false);
  });

  it('goes on when a size is unknown or nonsense', () => {
    expect(wontFit(null, 0)).toBe(false);
    expect(wontFit(1e12, null)).toBe(false);
    expect(wontFit(Number.NaN, 0)).toBe(false);
    expect(wontFit(-1, 0)).toBe(false);
  });

  it('reads the free space of a real folder, and null for a missing one', () => {
    expect(freeBytes(tmpdir())).toBeGreaterThan(0);
    expect(freeBytes('/no/such/folder/here')).toBeNull();
  });

  it('words the error with both sizes as values', () => {
    const e = diskFullError(12.3e9, -5);
    expect(e.code).toBe('disk-full');
    expect(e.values).toEqual({ neededBytes: 12.3e9, freeBytes: 0 });
    expect(e.message).toContain('12.3 GB');
  });
});
