import type pg from 'pg'
import type { Logger } from 'pino'
import type { HubStatus } from '../api/contract/hub.js'

/** How to reach or start the hub. */
export interface HubOptions {
  /** libpq URI of an external hub (`IDW_HUB_URL`); absent = the embedded PostgreSQL. */
  url?: string
  /**
   * The engine's data folder (`IDW_DATA_DIR`). The embedded cluster lives in `<dataDir>/hub`, its superuser
   * password in `<dataDir>/hub.password`. Default: `defaultDataFolder()`.
   */
  dataDir?: string
  /** TCP port of the embedded hub; default 54329, or the next free port when taken. Ignored for an external hub. */
  port?: number
  logger: Logger
}

/** Where the hub listens and who the engine is there. Internal: holds the password, never log it. */
export interface HubConnectionParams {
  host: string
  port: number
  user: string
  password?: string
  database: string
}

/** A running hub: the PostgreSQL the engine federates sources in. */
export interface Hub {
  readonly kind: 'embedded' | 'external'
  /** The engine's data folder (demo files live below it). */
  readonly dataDir: string
  /** Admin pool on the hub database (superuser for the embedded hub). Ended by `stop()`. */
  readonly pool: pg.Pool
  /** Connection parameters of the admin pool, e.g. for a postgres_fdw loopback. Never log them. */
  connectionParams(): HubConnectionParams
  /**
   * A new pool on another database of the same server, with the admin credentials (`max` connections,
   * default 2). The caller ends it.
   */
  openPool(database: string, max?: number): pg.Pool
  /** Version, extensions and state of the hub; never throws, `status: 'error'` carries the message. */
  status(): Promise<HubStatus>
  /** Ends the pool; an embedded hub shuts down (fast shutdown) and its process is gone when this resolves. */
  stop(): Promise<void>
}
