import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { ErrorNote } from '../../components/error-note';
import type { AddedJob } from '../../../../shared/contract';
import type { Format, Probe } from '../../../../shared/choose';
import type { DownloadOptions } from '../../../../shared/types';
import type { UiError } from '../../i18n/error-text';
import { useChooseText } from './choose-text';

const quality = (T: ReturnType<typeof useChooseText>, f: Format) => (f.kind === 'audio' ? T.audioOnly : `${f.height ? `${f.height}p` : f.width ? `${f.width}w` : T.unknown}${f.fps ? ` ${Math.round(f.fps)} fps` : ''}${f.hdr ? ` ${T.hdr(f.hdr)}` : ''}`);
const codecs = (f: Format) => [f.vcodec, f.acodec].filter(Boolean).join(' + ') + (f.ext ? ` (${f.ext})` : '');
/** A video-only format gets the best audio joined to it; anything else is taken as it is. */
export const formatIdFor = (f: Format) => (f.kind === 'video' ? `${f.id}+ba` : f.id);

/** One probe of the link, its formats in a table, one of them downloaded. */
export function FormatChooser({ url, options, onAdded }: { url: string; options: DownloadOptions; onAdded: (jobs: AddedJob[]) => void }) {
  const T = useChooseText();
  const intl = useIntl();
  const [probe, setProbe] = useState<Probe | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setProbe(null);
    setError(null);
    api.invoke('choose.probe', { url }).then(
      (p) => live && (setProbe(p), setPicked(p.formats[0]?.id ?? null)),
      (e) => live && setError(asErrorInfo(e)),
    );
    return () => void (live = false);
  }, [url]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f = probe?.formats.find((x) => x.id === picked);
    if (!f) return;
    try {
      const { jobs } = await api.invoke('jobs.add', { urls: [url], options: { ...options, formatId: formatIdFor(f), audioOnly: false } });
      onAdded(jobs);
    } catch (err) {
      setError(asErrorInfo(err));
    }
  };
  if (error) return <ErrorNote error={error} />;
  if (!probe) return <p className="muted" role="status">{T.probing}</p>;
  return (
    <form className="chooser" onSubmit={submit} aria-label={T.formatsTitle(probe.title)}>
      <h3 className="chooser-title">{T.formatsTitle(probe.title)}</h3>
      {probe.liveStatus === 'is_live' && <p>{T.live}</p>}
      {probe.liveStatus === 'is_upcoming' && probe.startsAt && <p>{T.upcoming(probe.startsAt)}</p>}
      {probe.formats.length === 0 ? (
        <p>{T.noFormats}</p>
      ) : (
        <div className="chooser-scroll">
          <table className="formats">
            <caption className="sr-only">{T.formatCaption}</caption>
            <thead>
              <tr>
                <th scope="col"><span className="sr-only">{T.downloadFormat}</span></th>
                <th scope="col">{T.colQuality}</th>
                <th scope="col">{T.colCodecs}</th>
                <th scope="col">{T.colSize}</th>
                <th scope="col">{T.colLanguage}</th>
              </tr>
            </thead>
            <tbody>
              {probe.formats.map((f) => (
                <tr key={f.id}>
                  <td>
                    <input type="radio" name="format" id={`fmt-${f.id}`} value={f.id} checked={picked === f.id} onChange={() => setPicked(f.id)} />
                  </td>
                  <td>
                    <label htmlFor={`fmt-${f.id}`}>{quality(T, f)}</label>
                    {f.compatible && <span className="badge">{T.compatible}</span>}
                  </td>
                  <td className="mono">{codecs(f)}</td>
                  <td>{f.approxBytes === null ? T.unknown : T.approx(formatBytes(intl, f.approxBytes))}</td>
                  <td>{f.audioLanguage ?? T.unknown}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="submit" className="btn btn-primary btn-small" disabled={!picked}>{T.downloadFormat}</button>
    </form>
  );
}
