import type { Pool } from 'pg'
import type { Logger } from 'pino'
import type { ApiOutput, ApiParsedInput } from '../../api/contract/methods.js'
import { listSourceCards } from '../../catalog/list-sources.js'
import type { EnvVars } from '../env-substitution.js'
import { listRemoteTables } from '../probe/list-remote-tables.js'
import { testSource } from '../probe/probe-source.js'
import type { SourceConfig } from '../source-config.js'
import { addSource } from './add-source.js'
import { lazyVault, type ServiceContext } from './context.js'
import { detectSourceTypes } from './detect-fdws.js'
import { resolveDraft } from './draft.js'
import { parseUriToForm } from './parse-uri.js'
import { refreshSource } from './refresh-source.js'
import { removeSource } from './remove-source.js'
import { readSavedSource } from './saved-source.js'

/** How the sources API is started. */
export interface SourceServiceOptions {
  /** The hub's admin pool. */
  pool: Pool
  /** The engine's data folder: the vault is `<dataDir>/vault.json`. */
  dataDir: string
  logger: Logger
  /** Environment for `${NAME}` password references and `IDW_MASTER_KEY`; default `process.env`. */
  env?: EnvVars
  /** Budget of a connection test or remote table listing, ms; default 20 000. */
  probeTimeoutMs?: number
}

/**
 * The sources API (`sources/*` methods): source types and their options, URI parsing, cards, connection
 * tests, the table picker, add, refresh and remove. Every answer and error is free of passwords. Each method
 * takes and answers its contract method's types (`ApiParsedInput` / `ApiOutput` of `API` in the contract).
 */
export class SourceService {
  readonly #ctx: ServiceContext
  #types: Promise<ApiOutput<'sources/types'>> | undefined

  constructor(options: SourceServiceOptions) {
    const env = options.env ?? process.env
    this.#ctx = {
      pool: options.pool,
      env,
      logger: options.logger,
      vault: lazyVault(options.dataDir, env),
      probeTimeoutMs: options.probeTimeoutMs ?? 20_000,
    }
  }

  /** `sources/types`: read once per engine run (the hub's extensions do not change while it runs). */
  types(): Promise<ApiOutput<'sources/types'>> {
    this.#types ??= detectSourceTypes(this.#ctx.pool).catch((err: unknown) => {
      this.#types = undefined
      throw err
    })
    return this.#types
  }

  /** `sources/parse-uri`. */
  parseUri(input: ApiParsedInput<'sources/parse-uri'>): ApiOutput<'sources/parse-uri'> {
    return parseUriToForm(input)
  }

  /** `sources/list`: the cards, and whether the vault can keep passwords typed in the UI. */
  async list(): Promise<ApiOutput<'sources/list'>> {
    const sources = await listSourceCards(this.#ctx.pool)
    const vault = await this.#ctx
      .vault()
      .then((v) => ({ unlocked: v.unlocked, reason: v.lockedReason }))
      .catch((err: Error) => ({ unlocked: false, reason: err.message }))
    return { sources, vault }
  }

  /** `sources/test`: see `testSource`. */
  async test(input: ApiParsedInput<'sources/test'>): Promise<ApiOutput<'sources/test'>> {
    const { source, saved } = await this.#target(input)
    const { result } = await testSource(this.#ctx.pool, source, { saved, timeoutMs: this.#ctx.probeTimeoutMs })
    return result
  }

  /** `sources/remote-tables`: see `listRemoteTables`. */
  async remoteTables(input: ApiParsedInput<'sources/remote-tables'>): Promise<ApiOutput<'sources/remote-tables'>> {
    const { source, saved } = await this.#target(input)
    return listRemoteTables(this.#ctx.pool, source, { saved, timeoutMs: this.#ctx.probeTimeoutMs })
  }

  /** `sources/add`: see `addSource`. */
  add(input: ApiParsedInput<'sources/add'>): Promise<ApiOutput<'sources/add'>> {
    return addSource(this.#ctx, input)
  }

  /** `sources/refresh`: see `refreshSource`. */
  refresh(input: ApiParsedInput<'sources/refresh'>): Promise<ApiOutput<'sources/refresh'>> {
    return refreshSource(this.#ctx, input)
  }

  /** `sources/remove`: see `removeSource`. */
  remove(input: ApiParsedInput<'sources/remove'>): Promise<ApiOutput<'sources/remove'>> {
    return removeSource(this.#ctx, input)
  }

  async #target(input: ApiParsedInput<'sources/test'>): Promise<{ source: SourceConfig; saved: boolean }> {
    if (input.source) return { source: resolveDraft(input.source, this.#ctx.env).source, saved: false }
    const saved = await readSavedSource(this.#ctx.pool, input.name as string, this.#ctx.vault, this.#ctx.env)
    return { source: saved.source, saved: true }
  }
}
