import { chmod, mkdir, open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

// Everything the engine keeps is readable by the user running it and no one else: the journal
// holds every write in order, so read access to it is read access to the whole database.
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

const ENGINE_FILE =
  /^(?:journal-\d{8}\.log|snapshot-\d{8}\.bson(?:\.tmp)?|engine\.lock|mongodb-uri\.txt)$/;

/**
 * Creates the data folder (and any missing parents) readable by its owner only, and tightens a
 * folder that exists already, with the engine's files in it, left by an older or looser setup.
 */
export async function prepareDataDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  try {
    await chmod(dir, DIR_MODE);
  } catch (error) {
    throw new Error(
      `engine: could not make the data folder ${dir} readable by its owner only (${String(error)}); use a folder this user owns`,
    );
  }
  for (const name of await readdir(dir)) {
    if (ENGINE_FILE.test(name)) await chmod(path.join(dir, name), FILE_MODE);
  }
}

/** Writes a small file (replacing any) that only its owner can read. */
export async function writePrivateFile(file: string, text: string): Promise<void> {
  // Removed first: an existing file keeps its mode when opened for writing.
  await rm(file, { force: true });
  const handle = await open(file, 'wx', FILE_MODE);
  try {
    // The mode given to open is filtered by the umask; this sets it exactly.
    await handle.chmod(FILE_MODE);
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}
