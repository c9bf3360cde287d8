/** Issue 14's embedded metadata, disk space and sidecars. */
export const metaEn = {
  'errors.disk-full.message': 'This download needs {neededBytes}, but only {freeBytes} are free on the library’s drive.',
  'errors.disk-full.hint': 'Free some space, or choose a library folder on another drive, then retry.',
  'downloads.note.embedNoCover': 'The cover art is not inside the file; it is kept beside it.',
  'downloads.note.embedNoSubtitles': 'The subtitles are not inside the file; they are kept beside it.',
  'downloads.note.embedNoMetadata': 'Title, date and chapters could not be written into the file.',
  'settings.embedMetadata': 'Write title, chapters and cover into the files',
  'settings.embedMetadata.help': 'Other players then show the title, date, description, link, chapters, cover and chosen subtitles. Needs ffmpeg; where a file type cannot hold something, it stays beside the file.',
  'settings.embedMetadata.noFfmpeg': 'ffmpeg was not found, so nothing is written into the files.',
  'library.disk.label': 'Disk space',
  'library.disk.summaryOf': '{used} · {freeBytes} free on its drive',
  'library.disk.used': '{usedBytes} in the library',
  'library.disk.channel': '{usedBytes} for this channel',
} as const;
