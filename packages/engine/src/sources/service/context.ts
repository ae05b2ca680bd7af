import type { Pool } from 'pg'
import type { Logger } from 'pino'
import { Vault } from '../../security/index.js'
import type { EnvVars } from '../env-substitution.js'

/** What the sources API works with: the hub's admin pool, the vault, the environment, the log. */
export interface ServiceContext {
  pool: Pool
  /** The vault, opened on first use. */
  vault(): Promise<Vault>
  /** Environment read for `${NAME}` secret references (the engine's `process.env`). */
  env: EnvVars
  logger: Logger
  /** Budget of a connection test or a remote table listing, ms (default 20 000). */
  probeTimeoutMs: number
}

/** Opens the vault of `dataDir` once, on first use (keyed by `IDW_MASTER_KEY` of `env`). */
export function lazyVault(dataDir: string, env: EnvVars): () => Promise<Vault> {
  let opened: Promise<Vault> | undefined
  return () => {
    opened ??= Vault.open(dataDir, env)
    return opened
  }
}
