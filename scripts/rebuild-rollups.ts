// `npm run rollups:rebuild [-- --cycle <cycleId>]`: recomputes rollups exactly from the stored
// responses, for every cycle or one. Run it while nobody answers the cycles concerned (with the
// embedded database, stop the app first: it holds the data folder).
import { parseArgs } from 'node:util';

import { rebuildRollups } from '../app/answering/rollups.server';
import { databaseOptions } from '../app/utils/database.server';
import { connectDatabase, disconnectDatabase } from '../models/connection.server';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { cycle: { type: 'string' } } });
  await connectDatabase(databaseOptions());
  try {
    const started = Date.now();
    const cycles = await rebuildRollups(values.cycle);
    process.stdout.write(
      `Rebuilt the rollups of ${cycles} cycle(s) in ${Date.now() - started} ms\n`,
    );
    return 0;
  } finally {
    await disconnectDatabase();
  }
}

process.exitCode = await main();
