import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testHubUrl } from '../../test/hub-url.js'
import { describeParameterTypes } from './parameter-types.js'

const SCHEMA = `exec_param_types_${process.pid}`
let pool: pg.Pool

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testHubUrl(), max: 1 })
  await pool.query(`CREATE SCHEMA ${SCHEMA}`)
  await pool.query(`CREATE TABLE ${SCHEMA}.t (id int4, at timestamptz, code varchar(3), tags text[])`)
})

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
  await pool.end()
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
