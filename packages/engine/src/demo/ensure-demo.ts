import type { Logger } from 'pino'
import type { Hub } from '../hub/index.js'
import type { SourceConfig } from '../sources/index.js'
import { ensureAirportsFile } from './airports-file.js'
import { demoSourcesConfig } from './demo-sources.js'
import { ensureFlightsLoaded, type FlightsLoad } from './load-flights.js'

/** The demo workspace, ready to apply. */
export interface DemoWorkspace {
  /** The demo sources (`flights`, `files`) for `applySources`, beside a config file's sources. */
  sources: Record<string, SourceConfig>
  flights: FlightsLoad
}

/**
 * Prepares the demo workspace's data: loads the 3M flights into `demo_remote` on first start (tens of seconds,
 * progress logged; later starts skip it in milliseconds) and copies airports.csv into the data folder. The
 * sources themselves are applied by the caller with `applySources`, like a config file's.
 * @throws Error when the load fails (rolled back; redone on the next start).
 */
export async function ensureDemoWorkspace(hub: Hub, logger: Logger): Promise<DemoWorkspace> {
  await ensureAirportsFile(hub.dataDir)
  const flights = await ensureFlightsLoaded(hub, logger)
  return { sources: demoSourcesConfig(hub), flights }
}
