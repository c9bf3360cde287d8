import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { useT } from '../i18n/use-t';

/** Web host only: the socket dropped and the bridge is trying again. */
export function ConnectionBanner() {
  const t = useT();
  const [down, setDown] = useState(false);
  useEffect(() => api.onConnection(({ connected }) => setDown(!connected)), []);
  return (
    <div role="status" className={down ? 'banner banner-warn' : 'banner-empty'}>
      {down ? t('app.connection.reconnecting') : ''}
    </div>
  );
}
