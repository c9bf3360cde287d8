import type { Req } from '../../../../shared/contract';
import type { AppInfo, Settings } from '../../../../shared/types';
import { useT } from '../../i18n/use-t';

interface Props {
  settings: Settings;
  info: AppInfo | null;
  put: (field: string, patch: Req<'settings.set'>) => void;
}

/** Settings → Library: write metadata, chapters, cover and chosen subtitles into new files. */
export function EmbedSetting({ settings, info, put }: Props) {
  const t = useT();
  const noFfmpeg = info !== null && !info.ffmpeg.found;
  return (
    <div className="field field-check">
      <input id="embedMetadata" type="checkbox" checked={settings.embedMetadata} aria-describedby="embedMetadata-help" onChange={(e) => put('embedMetadata', { embedMetadata: e.target.checked })} />
      <label htmlFor="embedMetadata">{t('settings.embedMetadata')}</label>
      <p id="embedMetadata-help" className="help">
        {t('settings.embedMetadata.help')}
        {noFfmpeg && ` ${t('settings.embedMetadata.noFfmpeg')}`}
      </p>
    </div>
  );
}
