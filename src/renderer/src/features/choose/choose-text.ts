/**
 * The words of the choose features (format, entries, clip, live, send-to, background), from the one
 * catalog (choose.* keys) in the user's language, under the names the components use.
 */
import { useMemo } from 'react';
import { formatClock } from '../../../../shared/choose';
import { useT } from '../../i18n/use-t';

export function useChooseText() {
  const t = useT();
  return useMemo(
    () => ({
      chooseFormat: t('choose.chooseFormat'),
      chooseEntries: t('choose.chooseEntries'),
      clip: t('choose.clip'),
      recordLive: t('choose.recordLive'),
      probing: t('choose.probing'),
      formatsTitle: (title: string | null) => (title ? t('choose.formatsTitle', { title }) : t('choose.formatsTitle.untitled')),
      formatCaption: t('choose.formatCaption'),
      colQuality: t('choose.col.quality'),
      colCodecs: t('choose.col.codecs'),
      colSize: t('choose.col.size'),
      colLanguage: t('choose.col.language'),
      audioOnly: t('choose.audioOnly'),
      hdr: (kind: string) => t('choose.hdr', { kind }),
      compatible: t('choose.compatible'),
      approx: (size: string) => t('choose.approx', { size }),
      unknown: '—',
      downloadFormat: t('choose.downloadFormat'),
      noFormats: t('choose.noFormats'),
      live: t('choose.live'),
      upcoming: (at: number) => t('choose.upcoming', { at: new Date(at) }),
      listing: (count: number) => t('choose.listing', { count }),
      listed: (count: number, title: string | null) => (title ? t('choose.listedTitled', { count, title }) : t('choose.listed', { count })),
      entriesLabel: t('choose.entriesLabel'),
      selectAll: t('choose.selectAll'),
      selectNone: t('choose.selectNone'),
      rangeFrom: t('choose.rangeFrom'),
      rangeTo: t('choose.rangeTo'),
      selectRange: t('choose.selectRange'),
      kept: t('choose.kept'),
      downloadSelected: (count: number) => t('choose.downloadSelected', { count }),
      clipStart: t('choose.clipStart'),
      clipEnd: t('choose.clipEnd'),
      clipHelp: t('choose.clipHelp'),
      cutClip: t('choose.cutClip'),
      fromStart: t('choose.fromStart'),
      startRecording: t('choose.startRecording'),
      liveHelp: t('choose.liveHelp'),
      recordings: t('choose.recordings'),
      stop: t('choose.stop'),
      liveState: (state: string, sec: number | null, at: string | null) => t('choose.liveState', { state, time: sec === null ? '' : formatClock(sec), at: at ?? '' }),
      duration: (sec: number | null) => (sec === null ? '' : formatClock(sec)),
      formatsSection: t('choose.settings.formats'),
      compatibility: t('choose.settings.compatibility'),
      compatibleOption: t('choose.settings.compatible'),
      bestOption: t('choose.settings.best'),
      sponsorSection: t('choose.settings.sponsor'),
      sponsorHelp: t('choose.settings.sponsorHelp'),
      sponsorCategory: (category: string) => t('choose.settings.category', { category }),
      sponsorAction: (action: string) => t('choose.settings.action', { action }),
      backgroundSection: t('choose.settings.background'),
      keepRunning: t('choose.settings.keepRunning'),
      keepRunningHelp: t('choose.settings.keepRunningHelp'),
      startAtLogin: t('choose.settings.startAtLogin'),
      sendSection: t('choose.settings.send'),
      bookmarklet: t('choose.settings.bookmarklet'),
      bookmarkletHelp: t('choose.settings.bookmarkletHelp'),
      bookmarkletToken: t('choose.settings.bookmarkletToken'),
      protocolHelp: t('choose.settings.protocolHelp'),
    }),
    [t],
  );
}
