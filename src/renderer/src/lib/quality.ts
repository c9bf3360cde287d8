import type { Quality } from '../../../shared/types';

/** The quality caps, in the order menus show them. */
export const QUALITY_OPTIONS: ReadonlyArray<{ value: Quality; label: string }> = [
  { value: 'best', label: 'Best available' },
  { value: '1080p', label: '1080p' },
  { value: '720p', label: '720p' },
  { value: '480p', label: '480p' },
];
