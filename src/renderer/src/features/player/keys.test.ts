import { describe, expect, it } from 'vitest';
import { clampTime, keyAction, nextSpeed } from './keys';

describe('player keys', () => {
  it('maps the documented shortcuts', () => {
    expect(keyAction({ key: ' ' })).toEqual({ type: 'toggle-play' });
    expect(keyAction({ key: 'k' })).toEqual({ type: 'toggle-play' });
    expect(keyAction({ key: 'j' })).toEqual({ type: 'seek-by', sec: -10 });
    expect(keyAction({ key: 'L' })).toEqual({ type: 'seek-by', sec: 10 });
    expect(keyAction({ key: 'ArrowLeft' })).toEqual({ type: 'seek-by', sec: -5 });
    expect(keyAction({ key: 'ArrowRight' })).toEqual({ type: 'seek-by', sec: 5 });
    expect(keyAction({ key: 'f' })).toEqual({ type: 'fullscreen' });
    expect(keyAction({ key: 'm' })).toEqual({ type: 'mute' });
    expect(keyAction({ key: 'c' })).toEqual({ type: 'captions' });
    expect(keyAction({ key: '<' })).toEqual({ type: 'speed', step: -1 });
    expect(keyAction({ key: '>' })).toEqual({ type: 'speed', step: 1 });
    expect(keyAction({ key: '7' })).toEqual({ type: 'seek-fraction', fraction: 0.7 });
    expect(keyAction({ key: '?' })).toEqual({ type: 'help' });
  });

  it('leaves Tab, Escape and modified keys to the browser', () => {
    expect(keyAction({ key: 'Tab' })).toBeNull();
    expect(keyAction({ key: 'Escape' })).toBeNull();
    expect(keyAction({ key: 'k', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'f', metaKey: true })).toBeNull();
  });

  it('steps speeds along the list and stops at the ends', () => {
    expect(nextSpeed(1, 1)).toBe(1.25);
    expect(nextSpeed(1, -1)).toBe(0.75);
    expect(nextSpeed(2, 1)).toBe(2);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
    expect(nextSpeed(1.1, 1)).toBe(1.25);
    expect(nextSpeed(1.1, -1)).toBe(1);
  });

  it('clamps seeks inside the video', () => {
    expect(clampTime(-3, 10)).toBe(0);
    expect(clampTime(12, 10)).toBeCloseTo(9.95);
    expect(clampTime(4, NaN)).toBe(4);
  });
});
