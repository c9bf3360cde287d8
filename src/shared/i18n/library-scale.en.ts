/** The library count when a search matched more than VidKeep counts (core/library/search.ts COUNT_CAP). */
export const libraryScaleEn = {
  'library.countAtLeast': '{count, plural, one {#+ video} other {#+ videos}}',
} as const;
