import { useState } from 'react';
import { api } from '../../lib/api';

/** The library thumbnail once kept; yt-dlp's remote one meanwhile (the host CSP may refuse it). */
export function JobThumb({ videoId, url }: { videoId: string | null; url: string | undefined }) {
  const src = videoId ? api.thumbUrl(videoId) : url;
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <div className="job-thumb" aria-hidden="true">
      {src && failed !== src ? <img src={src} alt="" loading="lazy" onError={() => setFailed(src)} /> : <span className="thumb-placeholder">▶</span>}
    </div>
  );
}
