import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { EngineError } from '../../api/contract/errors.js'

/** File holding the embedded hub's superuser password, in the data folder, mode 0600. */
export function hubPasswordFile(dataFolder: string): string {
  return path.join(dataFolder, 'hub.password')
}

/** Creates a random superuser password (32 bytes, base64url) and stores it with mode 0600. */
export async function createHubPassword(dataFolder: string): Promise<string> {
  const password = randomBytes(32).toString('base64url')
  await writeFile(hubPasswordFile(dataFolder), `${password}\n`, { mode: 0o600 })
  return password
}

/**
 * Reads the stored superuser password of an initialised cluster.
 * @throws EngineError `HUB_START_FAILED` when the file is missing: the cluster cannot be entered without it.
 */
export async function readHubPassword(dataFolder: string, clusterDir: string): Promise<string> {
  const file = hubPasswordFile(dataFolder)
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch (err) {
    throw new EngineError(
      'HUB_START_FAILED',
      `the embedded hub in ${clusterDir} exists but its password file ${file} cannot be read; restore the file, ` +
        `or delete ${clusterDir} to start with a new, empty hub`,
      { file },
      { cause: err },
    )
  }
}
