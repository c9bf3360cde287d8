import { useState } from 'react';
import type { AddedJob } from '../../../../shared/contract';
import type { DownloadOptions } from '../../../../shared/types';
import { FormatChooser } from './format-chooser';
import { PlaylistPicker } from './playlist-picker';
import { ClipForm } from './clip-form';
import { LiveForm, LiveList } from './live-panel';
import { useChooseText } from './choose-text';
import './choose.css';

type Mode = 'format' | 'entries' | 'clip' | 'live';

/** "Choose format…", "Choose entries…" and "Clip…" for the one link in the paste box; presets stay the default path. */
export function ChoosePanel({ text, options, onAdded }: { text: string; options: DownloadOptions; onAdded: (jobs: AddedJob[]) => void }) {
  const T = useChooseText();
  const [mode, setMode] = useState<Mode | null>(null);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const url = lines.length === 1 && /^https?:\/\//i.test(lines[0]!) ? lines[0]! : null;
  if (!url) return <LiveList />;
  const button = (m: Mode, label: string) => (
    <button type="button" className={`btn btn-small ${mode === m ? 'btn-active' : 'btn-quiet'}`} aria-pressed={mode === m} onClick={() => setMode(mode === m ? null : m)}>
      {label}
    </button>
  );
  const done = (jobs: AddedJob[]) => {
    setMode(null);
    onAdded(jobs);
  };
  return (
    <div className="choose">
      <div className="choose-buttons">
        {button('format', T.chooseFormat)}
        {button('entries', T.chooseEntries)}
        {button('clip', T.clip)}
        {button('live', T.recordLive)}
      </div>
      {mode === 'format' && <FormatChooser key={url} url={url} options={options} onAdded={done} />}
      {mode === 'entries' && <PlaylistPicker key={url} url={url} options={options} onAdded={done} />}
      {mode === 'clip' && <ClipForm key={url} url={url} options={options} onAdded={done} />}
      {mode === 'live' && <LiveForm key={url} url={url} onStarted={() => setMode(null)} />}
      <LiveList />
    </div>
  );
}
