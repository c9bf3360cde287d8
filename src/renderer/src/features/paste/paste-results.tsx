import type { AddedJob } from '../../../../shared/contract';

interface Props {
  results: AddedJob[];
  onOpenVideo: (videoId: string) => void;
  onShowDownloads: () => void;
  onDismiss: () => void;
}

/** What happened to each pasted line, right under the field. */
export function PasteResults({ results, onOpenVideo, onShowDownloads, onDismiss }: Props) {
  const added = results.filter((r) => r.jobId && !r.duplicateOf && !r.videoId && !r.error).length;
  return (
    <div className="paste-results">
      <ul aria-label="Results of the last paste">
        {results.map((r, i) => (
          <li key={`${i}-${r.url}`} className={r.error ? 'res res-error' : 'res'}>
            <span className="res-url" title={r.url}>
              {r.url || '(empty line)'}
            </span>
            {r.error ? (
              <span className="res-msg">
                {r.error.message}
                {r.error.hint && <span className="hint"> {r.error.hint}</span>}
              </span>
            ) : r.videoId ? (
              <span className="res-msg">
                Already in your library.{' '}
                <button type="button" className="link" onClick={() => onOpenVideo(r.videoId!)}>
                  Open it
                </button>
              </span>
            ) : r.duplicateOf ? (
              <span className="res-msg">
                Already downloading.{' '}
                <button type="button" className="link" onClick={onShowDownloads}>
                  See progress
                </button>
              </span>
            ) : (
              <span className="res-msg res-ok">Added to downloads</span>
            )}
          </li>
        ))}
      </ul>
      <div className="res-footer">
        {added > 0 && (
          <button type="button" className="link" onClick={onShowDownloads}>
            Go to Downloads
          </button>
        )}
        <button type="button" className="link" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
