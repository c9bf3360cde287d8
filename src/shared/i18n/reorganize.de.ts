import type { reorganizeEn } from './reorganize.en';

/** „Mediathek neu ordnen“ (Einstellungen → Mediathek). */
export const reorganizeDe: Record<keyof typeof reorganizeEn, string> = {
  'reorganize.title': 'Mediathek neu ordnen',
  'reorganize.help': 'Verschiebt Ihre vorhandenen Videos mit Vorschaubildern, Untertiteln und anderen Dateien dorthin, wo das gewählte Schema neue Downloads ablegt. Das läuft im Hintergrund; ein Absturz oder Beenden verliert nichts, beim nächsten Start geht es weiter.',
  'reorganize.start': 'Mediathek neu ordnen …',
  'reorganize.counting': 'Die zu verschiebenden Videos werden gezählt …',
  'reorganize.confirm': '{toMove, plural, one {# Video} other {# Videos}} von {total, number} werden nach dem gewählten Schema verschoben. Dateien, die schon richtig liegen, bleiben, wo sie sind.',
  'reorganize.confirm.go': '{toMove, plural, one {# Video} other {# Videos}} verschieben',
  'reorganize.confirm.cancel': 'Nicht jetzt',
  'reorganize.nothing': 'Alle Videos liegen bereits dort, wo das gewählte Schema sie ablegt.',
  'reorganize.already': 'Die Mediathek wird bereits neu geordnet. Warten Sie, bis das fertig ist, oder brechen Sie es zuerst ab.',
  'reorganize.queued': 'Wartet auf den Start …',
  'reorganize.progress': '{done, number} von {total, number} Videos geprüft, {moved, number} verschoben',
  'reorganize.current': 'Gerade: {title}',
  'reorganize.progress.label': 'Fortschritt beim Neuordnen',
  'reorganize.cancel': 'Abbrechen',
  'reorganize.stopping': 'Hält nach dem aktuellen Video an …',
  'reorganize.done': 'Fertig: {moved, plural, one {# Video} other {# Videos}} verschoben{skipped, plural, =0 {.} one {; # Video blieb, wo es war.} other {; # Videos blieben, wo sie waren.}}',
  'reorganize.cancelled': 'Abgebrochen nach {moved, plural, one {# verschobenen Video} other {# verschobenen Videos}}; die übrigen bleiben, wo sie waren.',
  'reorganize.failed': 'Das Neuordnen wurde angehalten; jedes Video lässt sich weiter dort abspielen, wo die Mediathek es verzeichnet.',
  'reorganize.skipped.title': 'Blieben, wo sie waren',
  'reorganize.skipped.item': '{title} — {reason, select, missing {die Datei fehlt} notAFile {der Pfad ist keine Datei} badTarget {das Schema ergab keinen brauchbaren Namen} badSource {der gespeicherte Pfad liegt nicht in der Mediathek} noFreeName {es fand sich kein freier Name} changed {es wurde während des Verschiebens geändert} copyFailed {die Kopie auf dem anderen Laufwerk stimmte nicht} other {das System hat das Verschieben verweigert}}',
};
