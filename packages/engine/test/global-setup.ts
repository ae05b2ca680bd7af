import type { TestProject } from 'vitest/node'
import { startEmbeddedTestHub, TEST_DATA_DIR } from './embedded-hub.js'

declare module 'vitest' {
  export interface ProvidedContext {
    hubUrl: string
    /** The data folder the test hub's demo files live in; engines started by tests share it. */
    hubDataDir: string
  }
}

/**
 * Provides the hub integration tests connect to: `IDW_TEST_HUB_URL` when set (e.g. the machine's PostgreSQL), else
 * the embedded PostgreSQL 18 on the tests' data folder with the demo workspace loaded, stopped after the run.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.IDW_TEST_HUB_URL) {
    project.provide('hubUrl', process.env.IDW_TEST_HUB_URL)
    project.provide('hubDataDir', TEST_DATA_DIR)
    return undefined
  }
  const { hub, url } = await startEmbeddedTestHub()
  project.provide('hubUrl', url)
  project.provide('hubDataDir', hub.dataDir)
  return () => hub.stop()
}
