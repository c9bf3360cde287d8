import type { AddedJob } from '../../../../shared/contract';
import { ErrorLine } from '../../components/error-note';
import { useT } from '../../i18n/use-t';

interface Props {
  results: AddedJob[];
  onOpenVideo: (videoId: string) => void;
  onShowDownloads: () => void;
  onDismiss: () => void;
}

/** What happened to each pasted line, right under the field. */
export function PasteResults({ results, onOpenVideo, onShowDownloads, onDismiss }: Props) {
  const t = useT();
  const added = results.filter((r) => r.jobId && !r.duplicateOf && !r.videoId && !r.error).length;
  return (
    <div className="paste-results">
      <ul aria-label={t('paste.results.label')}>
        {results.map((r, i) => (
          <li key={`${i}-${r.url}`} className={r.error ? 'res res-error' : 'res'}>
            <span className="res-url" title={r.url}>
              {r.url || t('paste.results.emptyLine')}
            </span>
            {r.error ? (
              <span className="res-msg">
                <ErrorLine error={r.error} />
              </span>
            ) : r.videoId ? (
              <span className="res-msg">
                {t('paste.results.kept')}{' '}
                <button type="button" className="link" onClick={() => onOpenVideo(r.videoId!)}>
                  {t('paste.results.open')}
                </button>
              </span>
            ) : r.duplicateOf ? (
              <span className="res-msg">
                {t('paste.results.downloading')}{' '}
                <button type="button" className="link" onClick={onShowDownloads}>
                  {t('paste.results.seeProgress')}
                </button>
              </span>
            ) : (
              <span className="res-msg res-ok">{t('paste.results.added')}</span>
            )}
          </li>
        ))}
      </ul>
      <div className="res-footer">
        {added > 0 && (
          <button type="button" className="link" onClick={onShowDownloads}>
            {t('paste.results.goToDownloads')}
          </button>
        )}
        <button type="button" className="link" onClick={onDismiss}>
          {t('paste.results.dismiss')}
        </button>
      </div>
    </div>
  );
}
