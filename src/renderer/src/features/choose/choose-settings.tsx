import { useEffect, useRef } from 'react';
import type { Req } from '../../../../shared/contract';
import { SPONSOR_CATEGORIES, type SponsorAction } from '../../../../shared/choose';
import type { AppInfo, Settings } from '../../../../shared/types';
import { bookmarklet } from './bookmarklet';
import { useChooseText } from './choose-text';

interface Props {
  settings: Settings;
  info: AppInfo | null;
  put: (field: string, patch: Req<'settings.set'>) => void;
}

/** React refuses javascript: links in JSX; the bookmarklet's address is set on the element itself. */
function BookmarkletLink() {
  const T = useChooseText();
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    ref.current?.setAttribute('href', bookmarklet(location.origin, sessionStorage.getItem('vidkeep.token')));
  }, []);
  return (
    <a ref={ref} className="btn btn-small" onClick={(e) => e.preventDefault()} aria-describedby="bookmarklet-help">
      {T.bookmarklet}
    </a>
  );
}

/** Issue 17's settings: compatibility, SponsorBlock, background (desktop), send to VidKeep. */
export function ChooseSettings({ settings, info, put }: Props) {
  const T = useChooseText();
  const desktop = info?.host === 'electron';
  const keepRunning = settings.background.keepRunning;
  return (
    <>
      <section className="panel" aria-labelledby="set-formats">
        <h3 id="set-formats">{T.formatsSection}</h3>
        <div className="field">
          <label htmlFor="compatibility">{T.compatibility}</label>
          <select id="compatibility" value={settings.compatibility} onChange={(e) => put('compatibility', { compatibility: e.target.value as Settings['compatibility'] })}>
            <option value="compatible">{T.compatibleOption}</option>
            <option value="best">{T.bestOption}</option>
          </select>
        </div>
      </section>
      <section className="panel" aria-labelledby="set-sponsor">
        <h3 id="set-sponsor">{T.sponsorSection}</h3>
        {SPONSOR_CATEGORIES.map((c) => (
          <div className="field" key={c}>
            <label htmlFor={`sb-${c}`}>{T.sponsorCategory(c)}</label>
            <select id={`sb-${c}`} value={settings.sponsorBlock[c]} onChange={(e) => put(`sb-${c}`, { sponsorBlock: { ...settings.sponsorBlock, [c]: e.target.value as SponsorAction } })}>
              {(['off', 'remove', 'chapters'] as const).map((a) => (
                <option key={a} value={a}>{T.sponsorAction(a)}</option>
              ))}
            </select>
          </div>
        ))}
        <p className="help">{T.sponsorHelp}</p>
      </section>
      {desktop && (
        <section className="panel" aria-labelledby="set-bg">
          <h3 id="set-bg">{T.backgroundSection}</h3>
          <div className="field field-check">
            <input id="keepRunning" type="checkbox" checked={keepRunning ?? false} aria-describedby="keepRunning-help" onChange={(e) => put('keepRunning', { background: { keepRunning: e.target.checked } })} />
            <label htmlFor="keepRunning">{T.keepRunning}</label>
            <p id="keepRunning-help" className="help">{T.keepRunningHelp}</p>
          </div>
          <div className="field field-check">
            <input id="startAtLogin" type="checkbox" checked={settings.background.startAtLogin} onChange={(e) => put('startAtLogin', { background: { startAtLogin: e.target.checked } })} />
            <label htmlFor="startAtLogin">{T.startAtLogin}</label>
          </div>
        </section>
      )}
      <section className="panel" aria-labelledby="set-send">
        <h3 id="set-send">{T.sendSection}</h3>
        {!desktop && (
          <>
            <BookmarkletLink />
            <p id="bookmarklet-help" className="help">
              {T.bookmarkletHelp} {sessionStorage.getItem('vidkeep.token') ? T.bookmarkletToken : ''}
            </p>
          </>
        )}
        <p className="help">{T.protocolHelp}</p>
      </section>
    </>
  );
}
