import { connectExternalHub } from './external-hub.js'
import { defaultDataFolder } from './embedded/data-folder.js'
import { startEmbeddedHub } from './embedded/embedded-hub.js'
import type { Hub, HubOptions } from './hub-types.js'

/**
 * Starts the hub: connects to the external PostgreSQL at `options.url` when given, otherwise starts (and on
 * first use initialises) the embedded PostgreSQL 18 in `<dataDir>/hub`. The host calls `hub.stop()` on
 * SIGINT/SIGTERM.
 * @throws EngineError `HUB_UNAVAILABLE` (external hub not answering) or `HUB_START_FAILED` (embedded hub).
 */
export async function startHub(options: HubOptions): Promise<Hub> {
  const dataDir = options.dataDir ?? defaultDataFolder()
  if (options.url !== undefined && options.url !== '') return connectExternalHub(options.url, dataDir, options.logger)
  return startEmbeddedHub(dataDir, options.port, options.logger)
}
