import type { Hub } from '../hub/index.js'
import type { ForeignColumnConfig, SourceConfig } from '../sources/index.js'
import { airportsFile } from './airports-file.js'
import { DEMO_DATABASE } from './load-flights.js'

/** Rows per fetch of the demo's postgres_fdw server: all 3M rows take 2.6 s with it, 3.8 s with the default 100. */
const DEMO_FETCH_SIZE = '10000'

const column = (name: string, type: string): ForeignColumnConfig => ({ name, type, options: {} })

/**
 * The demo sources, applied like any config file's:
 * - `flights`: postgres_fdw loopback to the hub's own `demo_remote` database (host, port and credentials from
 *   `hub.connectionParams()`, so a port that changed between runs becomes an `ALTER SERVER` on the next apply),
 *   `fetch_size` 10000, table `flights.flights`. No `use_remote_estimate`: the foreign table is analyzed locally
 *   after creation, which gives the planner row counts without a remote EXPLAIN per query.
 * - `files`: file_fdw over `<dataDir>/demo/airports.csv` as `files.airports` (CSV with header; `NA` = NULL).
 */
export function demoSourcesConfig(hub: Hub): Record<string, SourceConfig> {
  const hubAt = hub.connectionParams()
  const flights: SourceConfig = {
    name: 'flights',
    extension: 'postgres_fdw',
    serverOptions: { host: hubAt.host, port: String(hubAt.port), dbname: DEMO_DATABASE, fetch_size: DEMO_FETCH_SIZE },
    userMappingOptions: { user: hubAt.user, ...(hubAt.password ? { password: hubAt.password } : {}) },
    importSchema: { remoteSchema: 'public', limitTo: ['flights'] },
    tables: null,
    cache: null,
    tags: ['demo'],
  }
  const files: SourceConfig = {
    name: 'files',
    extension: 'file_fdw',
    serverOptions: {},
    userMappingOptions: null,
    importSchema: null,
    tables: [
      {
        name: 'airports',
        options: { filename: airportsFile(hub.dataDir), format: 'csv', header: 'true', null: 'NA' },
        columns: [
          column('iata', 'text'),
          column('name', 'text'),
          column('city', 'text'),
          column('state', 'text'),
          column('country', 'text'),
          column('latitude', 'double precision'),
          column('longitude', 'double precision'),
        ],
      },
    ],
    cache: null,
    tags: ['demo'],
  }
  return { flights, files }
}
