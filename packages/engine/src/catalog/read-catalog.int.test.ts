import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testHubUrl } from '../../test/hub-url.js'
import { startHub, type Hub } from '../hub/index.js'
import { applySources, type SourceConfig } from '../sources/index.js'
import { readCatalog } from './read-catalog.js'

const logger = pino({ level: 'silent' })
const HUB_DB = `idw_it_catalog_${process.pid}_${Date.now()}`
let admin: Hub
let hub: Hub
let dir: string

beforeAll(async () => {
  admin = await startHub({ url: testHubUrl(), logger })
  await admin.pool.query(`CREATE DATABASE ${HUB_DB}`)
  const url = new URL(testHubUrl())
  url.pathname = `/${HUB_DB}`
  hub = await startHub({ url: url.toString(), logger })
  dir = await mkdtemp(path.join(os.tmpdir(), 'idw-catalog-'))
  await chmod(dir, 0o755)
  await writeFile(
    path.join(dir, 'cities.csv'),
    'name,population,founded\nParis,2100000,NA\nLyon,520000,1989-01-01\nNice,NA,NA\n',
    { mode: 0o644 },
  )
})

afterAll(async () => {
  await hub?.stop()
  await admin?.pool.query(`DROP DATABASE IF EXISTS ${HUB_DB} WITH (FORCE)`)
  await admin?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('readCatalog', () => {
  it('answers no sources on a hub where none was applied', async () => {
    expect(await readCatalog(hub.pool)).toEqual({ sources: [] })
  })

  it('lists a file_fdw source with its view, column types and estimated rows', async () => {
    const files: SourceConfig = {
      name: 'files',
      extension: 'file_fdw',
      serverOptions: {},
      userMappingOptions: null,
      importSchema: null,
      tables: [
        {
          name: 'cities',
          options: { filename: path.join(dir, 'cities.csv'), format: 'csv', header: 'true', null: 'NA' },
          columns: [
            { name: 'name', type: 'text', options: {} },
            { name: 'population', type: 'bigint', options: {} },
            { name: 'founded', type: 'date', options: {} },
          ],
        },
      ],
      cache: null,
      tags: [],
    }
    const [result] = await applySources(hub.pool, { sources: { files } }, { logger })
    expect(result?.outcome).toBe('created')
    await hub.pool.query(
      `CREATE FOREIGN TABLE files.extra (x numeric(6,1) NOT NULL) SERVER files OPTIONS (filename '/dev/null', format 'csv')`,
    )
    expect(await readCatalog(hub.pool)).toEqual({
      sources: [
        {
          name: 'files',
          fdw: 'file_fdw',
          server: 'files',
          location: path.join(dir, 'cities.csv'),
          schema: 'files',
          tables: [
            {
              schema: 'files',
              name: 'cities',
              kind: 'view',
              estimatedRows: 3,
              columns: [
                { name: 'name', type: 'text', nullable: true },
                { name: 'population', type: 'bigint', nullable: true },
                { name: 'founded', type: 'date', nullable: true },
              ],
            },
            {
              schema: 'files',
              name: 'extra',
              kind: 'foreign table',
              estimatedRows: null,
              columns: [{ name: 'x', type: 'numeric(6,1)', nullable: false }],
            },
          ],
        },
      ],
    })
    const { rows } = await hub.pool.query(
      'SELECT name, population::int AS population, founded::text AS founded FROM files.cities ORDER BY name',
    )
    expect(rows).toEqual([
      { name: 'Lyon', population: 520000, founded: '1989-01-01' },
      { name: 'Nice', population: null, founded: null },
      { name: 'Paris', population: 2100000, founded: null },
    ])
  })
})
