import { useEffect } from 'react';
import type { Theme } from '../../../shared/types';

/** "system" is left to the prefers-color-scheme media query in the CSS. */
export function useTheme(theme: Theme | undefined): void {
  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
  }, [theme]);
}
