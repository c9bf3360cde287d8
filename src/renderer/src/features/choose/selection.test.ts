import { describe, expect, it } from 'vitest';
import { selectAll, selectRange, toggle, visibleRows } from './selection';
import { bookmarklet } from './bookmarklet';

describe('entry selection', () => {
  it('all, range (either order, clamped), toggle', () => {
    expect([...selectAll(3)]).toEqual([0, 1, 2]);
    expect([...selectRange(new Set([0]), 5, 3, 10)].sort((a, b) => a - b)).toEqual([0, 2, 3, 4]);
    expect([...selectRange(new Set(), 8, 400, 10)]).toEqual([7, 8, 9]);
    expect([...toggle(new Set([1, 2]), 1)]).toEqual([2]);
  });
  it('renders only the rows in view, so 5,000 entries stay cheap', () => {
    expect(visibleRows(0, 320, 32, 5000)).toEqual({ start: 0, end: 18 });
    expect(visibleRows(32 * 4000, 320, 32, 5000)).toEqual({ start: 3992, end: 4018 });
    expect(visibleRows(32 * 4999, 320, 32, 5000).end).toBe(5000);
  });
});

describe('bookmarklet', () => {
  it('opens the host with the page link in the paste box, with the token when there is one', () => {
    expect(bookmarklet('http://127.0.0.1:8080', null)).toBe(`javascript:void(window.open("http://127.0.0.1:8080/?add="+encodeURIComponent(location.href),"vidkeep"))`);
    expect(bookmarklet('http://h:1', 'a"b')).toContain('"http://h:1/?token=a%22b&add="');
  });
});
