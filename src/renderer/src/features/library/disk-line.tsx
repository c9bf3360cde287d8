import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../../lib/api';
import { formatBytes } from '../../lib/format';
import { useT } from '../../i18n/use-t';
import type { LibraryDisk } from '../../../../shared/disk';

/** Space the library (or one channel) takes and what is free on its drive; follows library changes. */
export function DiskLine({ channel }: { channel?: string }) {
  const t = useT();
  const intl = useIntl();
  const [disk, setDisk] = useState<LibraryDisk | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api.invoke('library.disk', channel === undefined ? {} : { channel }).then(
        (d) => live && setDisk(d),
        // A drive that cannot be asked leaves the line out; nothing else depends on it.
        () => live && setDisk(null),
      );
    void load();
    const off = api.on('library.changed', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [channel]);
  if (!disk) return null;
  const used = formatBytes(intl, channel === undefined ? disk.usedBytes : (disk.channelBytes ?? 0));
  const usedText = t(channel === undefined ? 'library.disk.used' : 'library.disk.channel', { usedBytes: used });
  const text = disk.freeBytes === null ? usedText : t('library.disk.summaryOf', { used: usedText, freeBytes: formatBytes(intl, disk.freeBytes) });
  return (
    <p className="muted disk-line" data-testid="disk-line" aria-label={t('library.disk.label')}>
      {text}
    </p>
  );
}
