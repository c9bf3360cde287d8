import type { libraryScaleEn } from './library-scale.en';

export const libraryScaleDe: Record<keyof typeof libraryScaleEn, string> = {
  'library.countAtLeast': '{count, plural, one {#+ Video} other {#+ Videos}}',
};
