import { memo, useState } from 'react';
import { api } from '../../lib/api';
import { formatBytes, formatDuration } from '../../lib/format';
import type { Video } from '../../../../shared/types';

interface Props {
  video: Video;
  layout: 'grid' | 'list';
  onOpen: (videoId: string) => void;
}

export const VideoCard = memo(function VideoCard({ video, layout, onOpen }: Props) {
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
        {video.missing && <span className="badge badge-missing">Missing</span>}
        {video.keep && <span className="badge badge-kept">Kept</span>}
        {video.watchState === 'watched' && !video.missing && <span className="badge badge-watched">Watched</span>}
        {video.watchState === 'in-progress' && video.durationSec ? (
          <span className="badge-progress" role="img" aria-label={`${Math.round((video.positionSec / video.durationSec) * 100)} % watched`}>
            <span style={{ width: `${Math.min(100, (video.positionSec / video.durationSec) * 100)}%` }} />
          </span>
        ) : null}
      </span>
      <span className="card-text">
        <span className="card-title" title={video.title}>{video.title}</span>
        <span className="card-meta">
          {video.uploader ?? video.site}
          {video.audioOnly && ' · Audio'}
        </span>
      </span>
      {layout === 'list' && (
        <span className="card-extra">
          <span>{video.site}</span>
          {duration && <span>{duration}</span>}
          {video.sizeBytes !== null && <span>{formatBytes(video.sizeBytes)}</span>}
          <span>{new Date(video.addedAt).toLocaleDateString()}</span>
        </span>
      )}
    </button>
  );
});
