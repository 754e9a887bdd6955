import { databaseInfo } from '../models/connection.server';
import { recoverResponses } from './answering/submit.server';
import { setupOpen } from './auth/first-admin.server';
import { ensureBoardKeys } from './board/board-keys.server';
import { seedDemoIfWanted } from './demo/seed.server';
import { recoverInterruptedImports, staleAfterMs } from './people/roster-apply.server';
import { removePersonalLinksFromOutbox } from './settings/outbox.server';
import type { Env } from './utils/env.server';
import type { Logger } from './utils/log.server';

/** Puts the database in order after it connects and before the first request is served. */
export async function prepareDatabase({
  env,
  logger,
}: {
  env: Pick<Env, 'DEMO' | 'NODE_ENV'>;
  logger: Logger;
}): Promise<void> {
  const info = databaseInfo();
  if (!info) throw new Error('prepareDatabase runs after connectDatabase');
  // Only one process can use an embedded engine or a local mongod, so at start-up every import
  // still 'applying' was cut off by a stop. On a shared MongoDB, others may be live: wait for
  // their heartbeat to go stale.
  const undone = await recoverInterruptedImports({
    staleAfter: info.engine === 'external' ? staleAfterMs : 0,
  });
  if (undone > 0) {
    logger.warn(`Undid ${undone} roster import(s) interrupted when the app last stopped`);
  }
  // Responses a stop cut off half-way are finished before anyone can answer again (see
  // docs/decisions/006-response-storage.md). Only this process writes to an embedded engine or a
  // local mongod at start-up; on a shared MongoDB, see the decision for the caveat.
  const recovered = await recoverResponses();
  if (recovered.finished > 0 || recovered.rebuiltCycles > 0) {
    logger.warn(
      `Finished ${recovered.finished} response(s) interrupted when the app last stopped; rebuilt the rollups of ${recovered.rebuiltCycles} cycle(s)`,
    );
  }
  await seedDemoIfWanted({
    setting: env.DEMO,
    engine: info.engine,
    nodeEnv: env.NODE_ENV,
    logger,
  });
  // Mail an older version kept in the outbox with its personal links loses them now.
  await removePersonalLinksFromOutbox();
  // Departments made before boards existed get their stable board link now.
  const keyed = await ensureBoardKeys();
  if (keyed > 0) logger.info(`Gave ${keyed} department(s) a board link`);
}

/**
 * On an install with no HR admin yet, says where the first one is made, with the full address,
 * so whoever ran `npm start` does not have to guess. Says nothing once setup is done.
 */
export async function announceSetup({
  appUrl,
  logger,
}: {
  appUrl: string;
  logger: Pick<Logger, 'info'>;
}): Promise<boolean> {
  if (!(await setupOpen())) return false;
  logger.info(`No HR admin yet: open ${appUrl.replace(/\/$/, '')}/setup to create the first one`);
  return true;
}
