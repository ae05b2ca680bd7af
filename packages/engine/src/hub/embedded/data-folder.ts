import envPaths from 'env-paths'

/** Name of the engine's folders under the user's data directory. */
export const APP_NAME = 'instant-data-workbench'

/** Data folder used by root, whose home (0700) the `postgres` system user cannot enter. */
export const ROOT_DATA_FOLDER = '/var/lib/instant-data-workbench'

/**
 * The default data folder: `$XDG_DATA_HOME/instant-data-workbench` on Linux (env-paths; the platform's
 * equivalent elsewhere), or `ROOT_DATA_FOLDER` when running as root.
 */
export function defaultDataFolder(): string {
  if (process.getuid?.() === 0) return ROOT_DATA_FOLDER
  return envPaths(APP_NAME, { suffix: '' }).data
}
