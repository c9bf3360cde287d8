import { memo, useState } from 'react';
import { api } from '../../lib/api';
import { formatBytes, formatDay, formatDuration } from '../../lib/format';
import type { Video } from '../../../../shared/types';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';

interface Props {
  video: Video;
  layout: 'grid' | 'list';
  onOpen: (videoId: string) => void;
}

export const VideoCard = memo(function VideoCard({ video, layout, onOpen }: Props) {
  const intl = useIntl();
  const [thumbFailed, setThumbFailed] = useState(false);
  const duration = formatDuration(video.durationSec);
  return (
    <button type="button" className={`card card-${layout}`} onClick={() => onOpen(video.id)}>
      <span className="card-thumb">
        {video.hasThumbnail && !thumbFailed ? (
          <img src={api.thumbUrl(video.id)} alt="" loading="lazy" decoding="async" onError={() => setThumbFailed(true)} />
        ) : (
          <span className="thumb-placeholder" aria-hidden="true">
            {video.audioOnly ? '♪' : '▶'}
          </span>
        )}
        {duration && <span className="card-duration">{duration}</span>}
        {video.missing && <span className="badge badge-missing">{t(intl, 'video.missing')}</span>}
        {video.keep && <span className="badge badge-kept">{t(intl, 'video.kept')}</span>}
        {video.watchState === 'watched' && !video.missing && <span className="badge badge-watched">{t(intl, 'video.watched')}</span>}
        {video.watchState === 'in-progress' && video.durationSec ? (
          <span className="badge-progress" role="img" aria-label={t(intl, 'video.watchedShare', { percent: Math.round((video.positionSec / video.durationSec) * 100) })}>
            <span style={{ width: `${Math.min(100, (video.positionSec / video.durationSec) * 100)}%` }} />
          </span>
        ) : null}
      </span>
      <span className="card-text">
        <span className="card-title" title={video.title}>{video.title}</span>
        <span className="card-meta">
          {video.uploader ?? video.site}
          {video.audioOnly && t(intl, 'video.audioSuffix')}
        </span>
      </span>
      {layout === 'list' && (
        <span className="card-extra">
          <span>{video.site}</span>
          {duration && <span>{duration}</span>}
          {video.sizeBytes !== null && <span>{formatBytes(intl, video.sizeBytes)}</span>}
          <span>{formatDay(intl, video.addedAt)}</span>
        </span>
      )}
    </button>
  );
});
