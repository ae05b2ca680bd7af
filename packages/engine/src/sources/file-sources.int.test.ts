import { execFileSync } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vegaDataFile } from '../demo/vega-data.js'
import { penguinValues, readPenguins, type Penguin } from './testing/penguins.js'
import { pg15Unavailable, printSkip } from './testing/pg15-hub.js'
import { startSourcesEngine, type SourcesEngine } from './testing/sources-engine.js'

const skip = await pg15Unavailable(['file_fdw', 'ogr_fdw'])
if (skip) printSkip('file-sources.int.test.ts', skip)

/** sqlite3 makes the SQLite file of the ogr_fdw test; without it that test is skipped. */
function hasSqlite(): boolean {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const sqlite = hasSqlite()
if (!skip && !sqlite) printSkip('file-sources.int.test.ts (SQLite)', 'the sqlite3 command is not installed')

let t: SourcesEngine
let dir: string
let penguins: Penguin[]

/** The penguins as a `;`-separated CSV with a header, `NA` for NULL and a quoted note holding `;` and `"`. */
function penguinsCsv(rows: Penguin[]): string {
  const field = (v: unknown): string => (v === null ? 'NA' : String(v))
  const lines = rows.map((p, i) =>
    [...penguinValues(p).map(field), i === 0 ? '"first; the ""type"" specimen"' : 'NA'].join(';'),
  )
  return `Species;Island;Beak Length (mm);Beak Depth (mm);Flipper Length (mm);Body Mass (g);Sex;Note\n${lines.join('\n')}\n`
}

describe.skipIf(skip !== null)(
  'file sources on a PostgreSQL 15 hub: CSV through file_fdw, GeoJSON and SQLite through ogr_fdw',
  () => {
    beforeAll(async () => {
      penguins = await readPenguins()
      const capitals = JSON.parse(await readFile(vegaDataFile('us-state-capitals.json'), 'utf8')) as Array<{
        lon: number
        lat: number
        state: string
        city: string
      }>
      dir = await mkdtemp(path.join(os.tmpdir(), 'idw-files-'))
      await chmod(dir, 0o755)
      await writeFile(path.join(dir, 'penguins.csv'), penguinsCsv(penguins), { mode: 0o644 })
      const geojson = {
        type: 'FeatureCollection',
        features: capitals.map((c) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
          properties: { state: c.state, city: c.city },
        })),
      }
      await writeFile(path.join(dir, 'capitals.geojson'), JSON.stringify(geojson), { mode: 0o644 })
      await writeFile(path.join(dir, 'secret.csv'), 'a;b\n1;2\n', { mode: 0o600 })
      await chmod(path.join(dir, 'secret.csv'), 0o600)
      if (sqlite) {
        execFileSync('sqlite3', [
          path.join(dir, 'shop.sqlite'),
          `CREATE TABLE orders (id INTEGER PRIMARY KEY, amount REAL, placed TEXT);
         INSERT INTO orders VALUES (1, 9.5, '2024-01-02'), (2, 20.25, '2024-01-03'), (3, 0.25, '2024-02-01');
         CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
         INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace');`,
        ])
        await chmod(path.join(dir, 'shop.sqlite'), 0o644)
      }
      t = await startSourcesEngine('files')
    })

    afterAll(async () => {
      await t?.close()
      if (dir) await rm(dir, { recursive: true, force: true })
    })

    it('tests a semicolon CSV with a header and shows the inferred columns', async () => {
      const uri = `file://${dir}/penguins.csv?format=csv&header=true&delimiter=;&null=NA`
      const out = await t.call<Record<string, unknown>>('sources/test', { source: { kind: 'uri', name: 'birds', uri } })
      expect(out).toMatchObject({ ok: true, verdict: 'ok', remoteTables: 1 })
      expect(out.message).toBe(
        `read ${dir}/penguins.csv: 8 columns (species text, island text, beak_length_mm double precision, ` +
          'beak_depth_mm double precision, flipper_length_mm integer, body_mass_g integer, sex text, note text)',
      )
      expect(await t.probeLeftovers()).toEqual([])
    })

    it('adds the CSV by URI and reads every row with the right values', async () => {
      const uri = `file://${dir}/penguins.csv?format=csv&header=true&delimiter=;&null=NA`
      const out = await t.call<{ source: Record<string, unknown>; tables: string[]; statements: string[] }>(
        'sources/add',
        {
          source: { kind: 'uri', name: 'birds', uri },
        },
      )
      expect(out.source).toMatchObject({
        fdw: 'file_fdw',
        typeLabel: 'CSV / TSV file',
        location: `${dir}/penguins.csv`,
        tables: 1,
      })
      expect(out.tables).toEqual(['birds.penguins'])
      expect(out.statements).toContain(
        `CREATE FOREIGN TABLE "raw_birds"."penguins" ("species" text, "island" text, "beak_length_mm" double precision, ` +
          `"beak_depth_mm" double precision, "flipper_length_mm" integer, "body_mass_g" integer, "sex" text, "note" text) ` +
          `SERVER "birds" OPTIONS ("filename" '${dir}/penguins.csv', "format" 'csv', "header" 'true', "delimiter" ';', "null" 'NA')`,
      )
      const [got] = await t.rows<Record<string, unknown>>(
        `SELECT count(*)::int AS n, sum(body_mass_g)::int AS mass, count(*) FILTER (WHERE sex IS NULL)::int AS no_sex,
              max(beak_length_mm) AS beak, (SELECT note FROM birds.penguins WHERE note IS NOT NULL) AS note
         FROM birds.penguins`,
      )
      expect(got).toEqual({
        n: penguins.length,
        mass: penguins.reduce((s, p) => s + (p['Body Mass (g)'] ?? 0), 0),
        no_sex: penguins.filter((p) => p.Sex === null).length,
        beak: Math.max(...penguins.map((p) => p['Beak Length (mm)'] ?? 0)),
        note: 'first; the "type" specimen',
      })
    })

    it('adds GeoJSON through ogr_fdw, read-only, one table per layer', async () => {
      const uri = `file://${dir}/capitals.geojson`
      const tables = await t.call<{ tables: Array<{ name: string; columns: Array<{ name: string; type: string }> }> }>(
        'sources/remote-tables',
        { source: { kind: 'uri', name: 'geo', uri } },
      )
      expect(tables.tables.map((x) => [x.name, x.columns.map((c) => `${c.name} ${c.type}`)])).toEqual([
        ['capitals', ['fid bigint', 'geom bytea', 'state character varying', 'city character varying']],
      ])
      const out = await t.call<{ source: Record<string, unknown>; statements: string[] }>('sources/add', {
        source: { kind: 'uri', name: 'geo', uri },
      })
      expect(out.statements).toContain(
        `CREATE SERVER "geo" FOREIGN DATA WRAPPER "ogr_fdw" OPTIONS ("datasource" '${dir}/capitals.geojson', "format" 'GeoJSON', "updateable" 'false')`,
      )
      expect(
        await t.rows(`SELECT count(*)::int AS n, max(city) FILTER (WHERE state = 'Texas') AS tx FROM geo.capitals`),
      ).toEqual([{ n: 50, tx: 'Austin' }])
    })

    it.skipIf(!sqlite)('adds a SQLite database through ogr_fdw with both its tables', async () => {
      const out = await t.call<{ tables: string[] }>('sources/add', {
        source: { kind: 'uri', name: 'shop', uri: `file://${dir}/shop.sqlite` },
      })
      expect(out.tables).toEqual(['shop.customers', 'shop.orders'])
      expect(await t.rows('SELECT sum(amount)::float8 AS total, count(*)::int AS n FROM shop.orders')).toEqual([
        { total: 30, n: 3 },
      ])
    })

    it('says a file is missing, or not readable by the hub, and creates nothing', async () => {
      const missing = await t.call<Record<string, unknown>>('sources/test', {
        source: { kind: 'uri', name: 'nothing', uri: `file://${dir}/nope.csv?header=true` },
      })
      expect(missing).toMatchObject({ ok: false, verdict: 'file_missing', code: 'SOURCE_NOT_FOUND' })
      expect(missing.message).toMatch(`file ${dir}/nope.csv does not exist on the hub's machine`)
      const geoMissing = await t.call<Record<string, unknown>>('sources/test', {
        source: { kind: 'uri', name: 'nothing', uri: `file://${dir}/nope.geojson` },
      })
      expect(geoMissing).toMatchObject({ verdict: 'file_missing' })
      const locked = await t.call<Record<string, unknown>>('sources/test', {
        source: { kind: 'uri', name: 'locked', uri: `file://${dir}/secret.csv?delimiter=;` },
      })
      expect(locked).toMatchObject({ ok: false, verdict: 'permission_denied', code: 'SOURCE_AUTH_FAILED' })
      expect(locked.action).toMatch(/chmod 644/)
      const add = await t.callError('sources/add', {
        source: { kind: 'uri', name: 'locked', uri: `file://${dir}/secret.csv?delimiter=;` },
      })
      expect(add.code).toBe('SOURCE_AUTH_FAILED')
      expect(await t.leftovers('locked')).toEqual([])
      expect(await t.leftovers('nothing')).toEqual([])
      expect(await t.probeLeftovers()).toEqual([])
    })

    it('adds a CSV from a form with explicit columns and refreshes it after the file changed', async () => {
      await writeFile(path.join(dir, 'cities.tsv'), 'name\tpopulation\nParis\t2100000\nLyon\t520000\n', { mode: 0o644 })
      await t.call('sources/add', {
        source: {
          kind: 'form',
          name: 'cities',
          extension: 'file_fdw',
          tables: [
            {
              name: 'cities',
              options: { filename: `${dir}/cities.tsv`, format: 'csv', delimiter: '\t', header: true },
            },
          ],
        },
      })
      expect(await t.rows('SELECT sum(population)::int AS p FROM cities.cities')).toEqual([{ p: 2620000 }])
      await writeFile(path.join(dir, 'cities.tsv'), 'name\tpopulation\tarea_km2\nParis\t2100000.5\t105.4\n', {
        mode: 0o644,
      })
      const out = await t.call<{ changes: unknown }>('sources/refresh', { name: 'cities' })
      expect(out.changes).toEqual({
        unchanged: false,
        tablesAdded: [],
        tablesRemoved: [],
        columnsAdded: [{ table: 'cities', column: 'area_km2', type: 'double precision' }],
        columnsRemoved: [],
        columnsRetyped: [{ table: 'cities', column: 'population', from: 'integer', to: 'double precision' }],
      })
      const cards = await t.call<{ sources: Array<{ name: string; tables: number; status: string }> }>(
        'sources/list',
        {},
      )
      expect(cards.sources.map((c) => [c.name, c.tables, c.status])).toEqual([
        ['birds', 1, 'ready'],
        ['cities', 1, 'ready'],
        ['geo', 1, 'ready'],
        ...(sqlite ? [['shop', 2, 'ready']] : []),
      ])
    })
  },
)
