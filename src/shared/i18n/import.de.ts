import type { importEn } from './import.en';

/** Einen Ordner importieren und die Bibliothek von der Festplatte wiederherstellen. */
export const importDe: Record<keyof typeof importEn, string> = {
  'import.title': 'Ordner importieren',
  'import.help': 'Holen Sie Videos, die Sie schon haben, in VidKeep. Titel, Kanäle, Daten und Kapitel stammen aus den .info.json-Dateien von yt-dlp neben den Videos; ohne diese liest VidKeep die Datei selbst und nimmt ihren Namen als Titel. Videos, die schon in VidKeep sind, werden übersprungen.',
  'import.folder': 'Ordner',
  'import.folder.helpWeb': 'Der vollständige Pfad eines Ordners innerhalb der Ordner, mit denen VidKeep gestartet wurde (--library-root).',
  'import.folder.helpDesktop': 'Wählen Sie einen Ordner oder geben Sie seinen vollständigen Pfad ein.',
  'import.choose': 'Ordner wählen …',
  'import.mode': 'Die Dateien',
  'import.mode.in-place': 'Dort lassen, wo sie sind',
  'import.mode.copy': 'In die Bibliothek kopieren',
  'import.mode.move': 'In die Bibliothek verschieben',
  'import.start': 'Importieren',
  'import.cancel': 'Import abbrechen',
  'import.scanning': 'Videos werden gesucht … bisher {found, number} gefunden.',
  'import.importing': 'Import {done, number} von {found, number}: {current}',
  'import.done': 'Import fertig: {imported, plural, one {# Video importiert} other {# Videos importiert}}, {alreadyKept, plural, one {# schon in VidKeep} other {# schon in VidKeep}}, {skipped, plural, one {# Datei übersprungen} other {# Dateien übersprungen}}.',
  'import.cancelled': 'Import abgebrochen: {imported, plural, one {# Video wurde} other {# Videos wurden}} vorher importiert und {imported, plural, one {bleibt} other {bleiben}} in Ihrer Bibliothek.',
  'import.failed': 'Der Import wurde angehalten: VidKeep konnte diesen Ordner nicht lesen.',
  'import.archived': '{count, plural, one {# Zeile} other {# Zeilen}} aus Download-Archiv-Dateien gelten jetzt als behalten: Abos und Downloads laden diese Videos nicht erneut.',
  'import.skippedTitle': 'Übersprungene Dateien ({count, number})',
  'import.skippedMore': 'Und {count, plural, one {# weitere} other {# weitere}}.',
  'import.reason': '{reason, select, empty {Die Datei ist leer.} unreadable {VidKeep darf diese Datei nicht lesen.} unreadableFolder {VidKeep darf diesen Ordner nicht lesen.} notMedia {Das ist keine Video- oder Audiodatei, was immer ihr Name sagt.} truncated {Die Datei ist kürzer, als ihre .info.json angibt: Der Download wurde nicht fertig.} brokenInfo {Ihre .info.json ist beschädigt; reparieren oder löschen Sie sie und importieren Sie erneut.} unprobeable {ffprobe kann diese Datei nicht lesen: Sie ist beschädigt, oder ffmpeg ist nicht installiert.} link {Eine Verknüpfung: VidKeep folgt keinen Verknüpfungen, die aus dem Ordner herausführen können.} notFile {Keine normale Datei.} tooDeep {Zu tief verschachtelt; importieren Sie diesen Ordner einzeln.} copyFailed {Das Kopieren in die Bibliothek ist fehlgeschlagen (Festplatte voll oder keine Berechtigung); das Original ist unverändert.} tooMany {Mehr Dateien, als ein Import übernimmt; importieren Sie die übrigen Ordner einzeln.} other {Übersprungen.}}',
  'import.archiveHelp': 'Auch ein Download-Archiv von yt-dlp (eine Textdatei mit Zeilen „Seite ID“) lässt sich importieren: Diese Videos gelten dann als behalten.',
  'import.rebuilding': 'Ihre Bibliothek wird von der Festplatte wiederhergestellt … {done, number} von {found, number}',
  'import.rebuildingScan': 'Ihre Bibliothek wird von der Festplatte wiederhergestellt … bisher {found, number} Videos gefunden',
};
