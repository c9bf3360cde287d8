import type { Quality } from '../../../shared/types';

/** The quality caps, in the order menus show them; each is worded by `quality.<value>` in the catalog. */
export const QUALITY_OPTIONS: readonly Quality[] = ['best', '1080p', '720p', '480p'];
