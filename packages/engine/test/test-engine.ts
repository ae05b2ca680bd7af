import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pino } from 'pino'
import { inject } from 'vitest'
import { Engine } from '../src/api/engine.js'

/** An engine started for a test on the test hub, with the demo workspace, and its cleanup. */
export interface TestEngine {
  engine: Engine
  /** A fresh folder of the test: exports and the config file go here. */
  workDir: string
  close(): Promise<void>
}

/**
 * Starts an `Engine` on the test hub with the hub's own data folder (so the demo sources it applies are exactly
 * the ones already there and nothing changes in the shared hub) and a fresh work folder for exports. With
 * `configYaml`, that text is the sources config file; without, the engine uses the demo workspace.
 */
export async function startTestEngine(configYaml?: string): Promise<TestEngine> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'idw-test-engine-'))
  let configPath: string | undefined
  if (configYaml !== undefined) {
    configPath = path.join(workDir, 'sources.yaml')
    writeFileSync(configPath, configYaml)
  }
  const engine = await Engine.start(
    { hubUrl: inject('hubUrl'), dataDir: inject('hubDataDir'), configPath, exportDir: path.join(workDir, 'exports') },
    pino({ level: 'silent' }),
  )
  return {
    engine,
    workDir,
    close: async () => {
      await engine.close()
      rmSync(workDir, { recursive: true, force: true })
    },
  }
}
