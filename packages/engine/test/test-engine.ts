import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pino } from 'pino'
import { Engine } from '../src/api/engine.js'

/** An engine started for a test on the test hub, with the demo workspace, and its cleanup. */
export interface TestEngine {
  engine: Engine
  dataDir: string
  close(): Promise<void>
}

/**
 * Starts an `Engine` on the test hub (`hubUrl`) with a fresh data folder. With `configYaml`, that text is the
 * sources config file; without, the engine loads the demo workspace (already loaded in the test hub).
 */
export async function startTestEngine(hubUrl: string, configYaml?: string): Promise<TestEngine> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'idw-test-engine-'))
  let configPath: string | undefined
  if (configYaml !== undefined) {
    configPath = path.join(dataDir, 'sources.yaml')
    writeFileSync(configPath, configYaml)
  }
  const engine = await Engine.start(
    { hubUrl, dataDir, configPath, exportDir: path.join(dataDir, 'exports') },
    pino({ level: 'silent' }),
  )
  return {
    engine,
    dataDir,
    close: async () => {
      await engine.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
