import type { metaEn } from './meta.en';

export const metaDe: Record<keyof typeof metaEn, string> = {
  'errors.disk-full.message': 'Dieser Download braucht {neededBytes}, auf dem Laufwerk der Mediathek sind aber nur {freeBytes} frei.',
  'errors.disk-full.hint': 'Geben Sie Speicherplatz frei oder wählen Sie einen Mediathek-Ordner auf einem anderen Laufwerk, und versuchen Sie es dann erneut.',
  'downloads.note.embedNoCover': 'Das Titelbild steckt nicht in der Datei; es liegt daneben.',
  'downloads.note.embedNoSubtitles': 'Die Untertitel stecken nicht in der Datei; sie liegen daneben.',
  'downloads.note.embedNoMetadata': 'Titel, Datum und Kapitel konnten nicht in die Datei geschrieben werden.',
  'settings.embedMetadata': 'Titel, Kapitel und Titelbild in die Dateien schreiben',
  'settings.embedMetadata.help': 'Andere Player zeigen dann Titel, Datum, Beschreibung, Link, Kapitel, Titelbild und gewählte Untertitel. Benötigt ffmpeg; was ein Dateityp nicht aufnehmen kann, bleibt neben der Datei.',
  'settings.embedMetadata.noFfmpeg': 'ffmpeg wurde nicht gefunden, daher wird nichts in die Dateien geschrieben.',
  'library.disk.label': 'Speicherplatz',
  'library.disk.summaryOf': '{used} · {freeBytes} frei auf ihrem Laufwerk',
  'library.disk.used': '{usedBytes} in der Mediathek',
  'library.disk.channel': '{usedBytes} für diesen Kanal',
};
