import { useEffect, useState } from 'react';
import { extractUrls } from '../../lib/format';

/**
 * When enabled, looks at the clipboard each time the window gains focus and offers a link it finds.
 * It only offers: nothing is downloaded until the user says so.
 */
export function useClipboardOffer(enabled: boolean): { offer: string | null; dismiss: () => void } {
  const [offer, setOffer] = useState<string | null>(null);
  const [seen] = useState(() => new Set<string>());
  useEffect(() => {
    if (!enabled) {
      setOffer(null);
      return;
    }
    const check = () => {
      if (!navigator.clipboard?.readText) return;
      navigator.clipboard.readText().then(
        (text) => {
          const url = extractUrls(text)[0];
          if (url && !seen.has(url)) setOffer(url);
        },
        () => undefined, // permission refused or document not focused: say nothing
      );
    };
    window.addEventListener('focus', check);
    if (document.hasFocus()) check();
    return () => window.removeEventListener('focus', check);
  }, [enabled, seen]);
  return {
    offer,
    dismiss: () => {
      if (offer) seen.add(offer);
      setOffer(null);
    },
  };
}
