import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { testHubUrl } from './hub-url.js'

/** What a test file's scratch schema starts with. */
export interface ScratchSchemaOptions {
  /** Connections of the pool at most. */
  maxConnections: number
  /** Creates the file's tables once the empty schema exists. */
  setup?: (pool: pg.Pool) => Promise<void>
}

/**
 * A pool on the test hub for the calling test file, and a schema of that file: registers `beforeAll`, which
 * (re)creates `schema` empty and runs `setup`, and `afterAll`, which drops the schema with everything in it and
 * ends the pool. Call it at the top of the file; the pool connects on first use.
 */
export function useScratchSchema(schema: string, options: ScratchSchemaOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: testHubUrl(), max: options.maxConnections })
  beforeAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`)
    await options.setup?.(pool)
  })
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await pool.end()
  })
  return pool
}
