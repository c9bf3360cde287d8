// Child process for processes-orphan.test.ts: a launch that starts one yt-dlp stand-in through
// runYtDlp, which kills this launch (kill -9) the moment it starts — before or while its pid is
// recorded. `node --import tsx processes-orphan-worker.ts <db> <pidFile>`
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { createProcessTracker } from './processes';
import { runYtDlp } from './run';

const [dbPath, pidFile] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbPath);
migrate(db);
process.stdout.write('ready\n');
const tracker = createProcessTracker(db, 'killed-launch');
// `$$` survives the exec: the pid written is the sleeping orphan's.
await runYtDlp({ bin: 'sh', args: ['-c', `echo $$ > '${pidFile}'; kill -9 $PPID; exec sleep 60`], tracker });
