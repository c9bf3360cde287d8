// Child process for place-kill.test.ts: plans and journals a download's moves like the handler,
// and kills itself (kill -9) after the n-th rename, before anything is indexed.
// `node --import tsx place-kill-worker.ts <db> <libraryDir> <stagedFile> <jobId> <n>`
import { readFileSync } from 'node:fs';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { placeDownload } from './place';

const [dbPath, libraryDir, file, jobId, n] = process.argv.slice(2) as [string, string, string, string, string];
const db = openDatabase(dbPath);
migrate(db);
const info = JSON.parse(readFileSync(file.replace(/\.mp4$/u, '.info.json'), 'utf8')) as Record<string, unknown>;
const die = () => process.kill(process.pid, 'SIGKILL');
placeDownload({ db, jobId, libraryDir, layout: { preset: 'channel', template: '' }, file, info, dayIndex: 1, onMoved: (done) => done === Number(n) && die() });
die();
