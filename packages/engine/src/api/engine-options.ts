import path from 'node:path'
import { defaultDataFolder } from '../hub/index.js'

/** How an engine is started. Every field has a default; `resolveEngineOptions` reads them from the environment. */
export interface EngineOptions {
  /** libpq URI of an external hub (`IDW_HUB_URL`); absent = the embedded PostgreSQL. */
  hubUrl?: string
  /** The engine's data folder (`IDW_DATA_DIR`): the embedded hub, demo files and exports live below it. */
  dataDir: string
  /** Sources config file (`--config` or `IDW_CONFIG`); absent = the demo workspace only. */
  configPath?: string
  /** Folder of export files (`IDW_EXPORT_DIR`), default `<dataDir>/exports`. */
  exportDir: string
}

/** Reads engine options from environment variables, with `overrides` (command-line flags) taking precedence. */
export function resolveEngineOptions(env: NodeJS.ProcessEnv, overrides: Partial<EngineOptions> = {}): EngineOptions {
  const dataDir = path.resolve(overrides.dataDir ?? env.IDW_DATA_DIR ?? defaultDataFolder())
  const configPath = overrides.configPath ?? env.IDW_CONFIG
  return {
    hubUrl: overrides.hubUrl ?? (env.IDW_HUB_URL || undefined),
    dataDir,
    configPath: configPath ? path.resolve(configPath) : undefined,
    exportDir: path.resolve(overrides.exportDir ?? env.IDW_EXPORT_DIR ?? path.join(dataDir, 'exports')),
  }
}
