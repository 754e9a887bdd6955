/* global process, console */
// `npm start`: build when build/ is missing or older than the sources, then serve it. Without
// NODE_ENV it is a local trial (see server/trial.js).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { trialSettings } from './trial.js';

const outputs = ['build/server.js', 'build/remix/index.js', 'public/build'];
const sources = ['app', 'server', 'models', 'engine/src', 'remix.config.js', 'package.json'];

/** Newest modification time under a file or folder, ignoring tests; 0 if it does not exist. */
function newest(target) {
  let stats;
  try {
    stats = statSync(target);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return /\.test\.tsx?$/.test(target) ? 0 : stats.mtimeMs;
  return readdirSync(target).reduce(
    (latest, name) => Math.max(latest, newest(path.join(target, name))),
    stats.mtimeMs,
  );
}

function oldestOutput() {
  return Math.min(
    ...outputs.map((output) => {
      try {
        return statSync(output).mtimeMs;
      } catch {
        return 0;
      }
    }),
  );
}

const trial = trialSettings(process.env);
Object.assign(process.env, trial.set);

if (oldestOutput() < Math.max(...sources.map(newest))) {
  console.log('Building: build/ is missing or older than the sources');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}

// One line in the app's log format, before the app's own lines.
if (trial.notice && !['warn', 'error', 'silent'].includes(process.env.LOG_LEVEL ?? '')) {
  console.log(`${new Date().toISOString()} INFO  ${trial.notice}`);
}

await import('../build/server.js');
