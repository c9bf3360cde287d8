import { useEffect, useState } from 'react';
import { api } from '../lib/api';

/** Web host only: the socket dropped and the bridge is trying again. */
export function ConnectionBanner() {
  const [down, setDown] = useState(false);
  useEffect(() => api.onConnection(({ connected }) => setDown(!connected)), []);
  return (
    <div role="status" className={down ? 'banner banner-warn' : 'banner-empty'}>
      {down ? 'Reconnecting… VidKeep lost its connection and is trying again.' : ''}
    </div>
  );
}
