import { describe, expect, it } from 'vitest'
import { useScratchSchema } from '../../test/scratch-schema.js'
import { describeParameterTypes } from './parameter-types.js'

const SCHEMA = `exec_param_types_${process.pid}`
const pool = useScratchSchema(SCHEMA, {
  maxConnections: 1,
  setup: async (pool) => {
    await pool.query(`CREATE TABLE ${SCHEMA}.t (id int4, at timestamptz, code varchar(3), tags text[])`)
  },
})

describe('describeParameterTypes', () => {
  it('answers the type the hub infers for each parameter, without running the statement', async () => {
    const sql = `SELECT id FROM ${SCHEMA}.t WHERE at > $1 AND code = $2 AND id = ANY($3::int4[]) AND tags @> $4 LIMIT $5`
    expect(await describeParameterTypes(pool, sql)).toEqual([
      'timestamp with time zone',
      'text',
      'integer[]',
      'text[]',
      'bigint',
    ])
    expect(await describeParameterTypes(pool, `SELECT id FROM ${SCHEMA}.t`)).toEqual([])
  })

  it('maps a rejected statement to HUB_QUERY_FAILED with its position, and leaves the connection usable', async () => {
    const sql = `SELECT nope FROM ${SCHEMA}.t WHERE id = $1`
    await expect(describeParameterTypes(pool, sql)).rejects.toMatchObject({
      code: 'HUB_QUERY_FAILED',
      detail: { sqlstate: '42703', position: 8 },
    })
    expect(await describeParameterTypes(pool, `SELECT id FROM ${SCHEMA}.t WHERE id = $1`)).toEqual(['integer'])
  })
})
