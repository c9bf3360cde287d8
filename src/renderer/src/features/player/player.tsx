import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../../lib/api';
import { formatDuration } from '../../lib/format';
import type { PlaybackInfo, Video } from '../../../../shared/types';
import { clampTime, keyAction, nextSpeed, SPEEDS, type PlayerAction } from './keys';
import { SeekBar } from './seek-bar';
import { ChapterList } from './chapter-list';
import { ShortcutsHelp } from './shortcuts-help';
import { usePositionSaver } from './use-position-saver';
import { languageName } from './language-name';
import { useT } from '../../i18n/use-t';
import './player.css';

interface Props {
  video: Video;
  /** Open at this second (a subtitle search hit) instead of where it was left. */
  startAt?: number;
  /** Captions shown by default in this language ('' for none). */
  defaultLang: string;
  onVideo: (v: Video) => void;
}

/** Controls that take keys themselves; the player's shortcuts stay out of their way. */
const OWN_KEYS = (t: EventTarget | null, key: string) =>
  t instanceof HTMLSelectElement || (t instanceof HTMLButtonElement && (key === ' ' || key === 'Enter')) || (t instanceof HTMLAnchorElement && key === 'Enter');

export function Player({ video, startAt, defaultLang, onVideo }: Props) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [el, setEl] = useState<HTMLVideoElement | null>(null);
  const [info, setInfo] = useState<PlaybackInfo>({ subtitles: [], chapters: [], chaptersFrom: 'none' });
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(video.durationSec ?? 0);
  const [playing, setPlaying] = useState(false);
  const [muted, setMuted] = useState(false);
  const [rate, setRate] = useState(1);
  const [lang, setLang] = useState('');
  const [help, setHelp] = useState(false);
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  const [said, setSaid] = useState('');
  usePositionSaver(el, video.id, onVideo);

  useEffect(() => {
    let live = true;
    api.invoke('library.playback', { videoId: video.id }).then(
      (p) => {
        if (!live) return;
        setInfo(p);
        const preferred = p.subtitles.find((s) => s.lang === defaultLang) ?? p.subtitles.find((s) => defaultLang !== '' && s.lang.split('-')[0] === defaultLang.split('-')[0]);
        setLang(preferred?.lang ?? '');
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Only when another video opens: a settings change must not switch captions mid-film.
  }, [video.id]);

  // One <track> per language; only the chosen one shows.
  useEffect(() => {
    if (!el) return;
    for (const t of Array.from(el.textTracks)) t.mode = t.language === lang ? 'showing' : 'disabled';
  }, [el, lang, info.subtitles]);

  const seek = useCallback(
    (sec: number) => {
      if (!el) return;
      el.currentTime = clampTime(sec, el.duration);
      setTime(el.currentTime);
    },
    [el],
  );

  const onMeta = () => {
    if (!el) return;
    setDuration(el.duration);
    const at = startAt ?? (video.positionSec > 0 ? video.positionSec : null);
    if (at !== null) {
      el.currentTime = clampTime(at, el.duration);
      setTime(el.currentTime);
      if (startAt === undefined) setResumedAt(at);
    }
  };

  const run = (a: PlayerAction) => {
    if (!el) return;
    switch (a.type) {
      case 'toggle-play':
        if (el.paused) void el.play().catch(() => undefined);
        else el.pause();
        break;
      case 'seek-by':
        seek(el.currentTime + a.sec);
        setSaid(`${formatDuration(el.currentTime)}`);
        break;
      case 'seek-fraction':
        seek((el.duration || 0) * a.fraction);
        setSaid(`${formatDuration(el.currentTime)}`);
        break;
      case 'fullscreen':
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        else void box.current?.requestFullscreen().catch(() => undefined);
        break;
      case 'mute':
        el.muted = !el.muted;
        setSaid(t(el.muted ? 'player.said.muted' : 'player.said.unmuted'));
        break;
      case 'captions': {
        const next = lang ? '' : (info.subtitles.find((s) => s.lang === defaultLang)?.lang ?? info.subtitles[0]?.lang ?? '');
        setLang(next);
        setSaid(next ? t('player.said.captions', { language: languageName(next) }) : t('player.said.captionsOff'));
        break;
      }
      case 'speed':
        el.playbackRate = nextSpeed(el.playbackRate, a.step);
        setSaid(t('player.said.speed', { speed: el.playbackRate }));
        break;
      case 'help':
        setHelp((h) => !h);
        break;
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (OWN_KEYS(e.target, e.key)) return;
    const a = keyAction(e);
    if (!a) return;
    e.preventDefault();
    e.stopPropagation();
    run(a);
  };

  const pip = typeof document !== 'undefined' && document.pictureInPictureEnabled && !video.audioOnly;
  const watched = video.watchState === 'watched';
  const toggleWatched = () => api.invoke('library.setWatched', { videoId: video.id, watched: !watched }).then(onVideo, () => undefined);

  return (
    <div className="player-layout">
      <div className="player" ref={box} onKeyDown={onKey} data-player>
        <video
          ref={setEl}
          preload="metadata"
          src={api.mediaUrl(video.id)}
          poster={video.hasThumbnail ? api.thumbUrl(video.id) : undefined}
          aria-label={t('video.player', { title: video.title })}
          tabIndex={0}
          onClick={() => run({ type: 'toggle-play' })}
          onLoadedMetadata={onMeta}
          onTimeUpdate={() => el && setTime(el.currentTime)}
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onVolumeChange={() => el && setMuted(el.muted)}
          onRateChange={() => el && setRate(el.playbackRate)}
        >
          {info.subtitles.map((s) => (
            <track key={s.lang} kind="subtitles" srcLang={s.lang} label={languageName(s.lang)} src={api.subtitleUrl(video.id, s.lang)} />
          ))}
        </video>
        <SeekBar time={time} duration={duration} chapters={info.chapters} onSeek={seek} />
        <div className="controls" role="group" aria-label={t('player.controls')}>
          <button type="button" className="btn btn-quiet" onClick={() => run({ type: 'toggle-play' })} aria-keyshortcuts="k Space">
            {t(playing ? 'player.pause' : 'player.play')}
          </button>
          <span className="time" aria-hidden="true">
            {formatDuration(time)} / {formatDuration(duration)}
          </span>
          <button type="button" className="btn btn-quiet" aria-pressed={muted} onClick={() => run({ type: 'mute' })} aria-keyshortcuts="m">
            {t('player.mute')}
          </button>
          <label className="field-inline">
            <span>{t('player.speed')}</span>
            <select value={rate} onChange={(e) => el && (el.playbackRate = Number(e.target.value))}>
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s === 1 ? t('player.speed.normal') : t('player.speed.value', { speed: s })}
                </option>
              ))}
            </select>
          </label>
          {info.subtitles.length > 0 && (
            <label className="field-inline">
              <span>{t('player.captions')}</span>
              <select value={lang} onChange={(e) => setLang(e.target.value)}>
                <option value="">{t('player.captions.off')}</option>
                {info.subtitles.map((s) => (
                  <option key={s.lang} value={s.lang}>
                    {languageName(s.lang)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {pip && (
            <button type="button" className="btn btn-quiet" onClick={() => void (document.pictureInPictureElement ? document.exitPictureInPicture() : el?.requestPictureInPicture())?.catch(() => undefined)}>
              {t('player.pip')}
            </button>
          )}
          <button type="button" className="btn btn-quiet" onClick={() => run({ type: 'fullscreen' })} aria-keyshortcuts="f">
            {t('player.fullscreen')}
          </button>
          <button type="button" className="btn btn-quiet" aria-pressed={watched} onClick={() => void toggleWatched()}>
            {t(watched ? 'player.watched' : 'player.markWatched')}
          </button>
          <button type="button" className="btn btn-quiet" aria-expanded={help} onClick={() => setHelp((h) => !h)} aria-keyshortcuts="?">
            {t('player.shortcuts')}
          </button>
        </div>
        {resumedAt !== null && (
          <p className="resume-note">
            {t('player.resumedAt', { time: formatDuration(resumedAt) })}{' '}
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => {
                seek(0);
                setResumedAt(null);
              }}
            >
              {t('player.startOver')}
            </button>
          </p>
        )}
        {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
        <p className="sr-only" aria-live="polite">
          {said}
        </p>
      </div>
      <ChapterList chapters={info.chapters} time={time} onSeek={seek} />
    </div>
  );
}
