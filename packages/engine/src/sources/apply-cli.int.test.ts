import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRemoteDataset, mariadbUnavailable, MARIADB, type RemoteDataset } from './testing/mariadb.js'
import { createHubDatabase, pg15Unavailable, printSkip, type TestHubDatabase } from './testing/pg15-hub.js'

const PASSWORD = 'p@ss#w:rd/?'
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../apps/web/dist/cli.js')
const skip =
  (await pg15Unavailable(['mysql_fdw', 'file_fdw'])) ??
  (await mariadbUnavailable()) ??
  (existsSync(CLI) ? null : `${CLI} is not built (run npx tsc -b)`)
if (skip) printSkip('apply-cli.int.test.ts', skip)

let db: TestHubDatabase
let remote: RemoteDataset
let dir: string

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs `idw <args>` as a user would, against the test hub and a fresh data folder. */
function idw(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        env: {
          ...process.env,
          IDW_HUB_URL: db.url,
          IDW_DATA_DIR: path.join(dir, 'data'),
          IDW_LOG_LEVEL: 'warn',
          SHOP_PASS: PASSWORD,
          ...env,
        },
      },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })
}

async function config(name: string, text: string): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, text)
  return file
}

async function servers(): Promise<string[]> {
  const { rows } = await db.hub.pool.query<{ srvname: string }>('SELECT srvname FROM pg_foreign_server ORDER BY 1')
  return rows.map((r) => r.srvname)
}

function sourcesYaml(extra = ''): string {
  return `sources:
  shop: mysql://${remote.user}:\${SHOP_PASS}@${MARIADB.host}:${MARIADB.port}/${remote.database}${extra}
  files:
    extension: file_fdw
    tables:
      - name: cities
        options: { filename: ${dir}/cities.csv, format: csv, delimiter: ';' }
`
}

describe.skipIf(skip !== null)('idw apply on a PostgreSQL 15 hub', () => {
  beforeAll(async () => {
    remote = await loadRemoteDataset(PASSWORD)
    db = await createHubDatabase('cli')
    dir = await mkdtemp(path.join(os.tmpdir(), 'idw-cli-'))
    await chmod(dir, 0o755)
    await writeFile(path.join(dir, 'cities.csv'), 'name;population\nParis;2100000\nLyon;520000\n', { mode: 0o644 })
  })

  afterAll(async () => {
    await db?.drop()
    await remote?.drop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('prints the plan as a diff with secrets masked on --dry-run, and changes nothing', async () => {
    const file = await config('sources.yaml', sourcesYaml())
    const run = await idw(['apply', '--config', file, '--dry-run'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Plan (dry run: nothing was changed):')
    expect(run.stdout).toContain(`+ shop (mysql_fdw, ${MARIADB.host}:${MARIADB.port}/${remote.database}): create`)
    expect(run.stdout).toContain(
      `    + CREATE USER MAPPING FOR CURRENT_USER SERVER "shop" OPTIONS ("username" '${remote.user}', "password" '***');`,
    )
    expect(run.stdout).toContain(`+ files (file_fdw, ${dir}/cities.csv): create`)
    expect(run.stdout).toContain(
      `    + CREATE FOREIGN TABLE "raw_files"."cities" ("name" text, "population" integer) SERVER "files" OPTIONS ("filename" '${dir}/cities.csv', "format" 'csv', "delimiter" ';', "header" 'true');`,
    )
    expect(run.stdout).toMatch(/Plan: 2 to create, 0 to update, 0 to rebuild, 0 to remove, 0 unchanged, 0 failed\.$/m)
    expect(run.stdout).not.toContain(PASSWORD)
    expect(run.stdout).not.toContain(encodeURIComponent(PASSWORD))
    expect(await servers()).toEqual([])
  })

  it('applies, then a second apply prints "no changes"', async () => {
    const file = path.join(dir, 'sources.yaml')
    const first = await idw(['apply', '--config', file])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^\+ shop \(mysql_fdw, .*\): created in \d+ ms$/m)
    expect(first.stdout).toMatch(/Result: 2 created, 0 updated, 0 rebuilt, 0 removed, 0 unchanged, 0 failed\.$/m)
    expect(await servers()).toEqual(['files', 'shop'])
    const { rows } = await db.hub.pool.query(
      'SELECT (SELECT count(*)::int FROM shop.movies) AS n, (SELECT count(*)::int FROM shop.rated_movies) AS rated',
    )
    expect(rows).toEqual([{ n: remote.movies, rated: expect.any(Number) }])
    expect(rows[0].rated).toBeGreaterThan(2000)
    const second = await idw(['apply', '--config', file])
    expect(second).toEqual({ code: 0, stdout: 'no changes: the hub matches the config (2 sources)\n', stderr: '' })
  })

  it('shows only what changed, applies it in place, and rebuilds a source on --force-refresh', async () => {
    const file = await config('sources.yaml', sourcesYaml('?fetch_size=500'))
    const plan = await idw(['apply', '--config', file, '--dry-run'])
    expect(plan.stdout).toContain(`~ shop (mysql_fdw, ${MARIADB.host}:${MARIADB.port}/${remote.database}): update`)
    expect(plan.stdout).toContain(`    server option fetch_size: '10000' → '500'`)
    expect(plan.stdout).toContain(`    ~ ALTER SERVER "shop" OPTIONS (SET "fetch_size" '500');`)
    expect(plan.stdout).toContain(`= files (file_fdw, ${dir}/cities.csv): no changes`)
    expect((await idw(['apply', '--config', file])).stdout).toMatch(/Result: 0 created, 1 updated/)
    const rebuilt = await idw(['apply', '--config', file, '--force-refresh', 'shop'])
    expect(rebuilt.code).toBe(0)
    expect(rebuilt.stdout).toMatch(/^± shop \(mysql_fdw, .*\): rebuilt in \d+ ms$/m)
    expect(rebuilt.stdout).toContain('    - DROP SERVER IF EXISTS "shop" CASCADE;')
    expect(rebuilt.stdout).toContain('= files')
    expect((await idw(['apply', '--config', file])).stdout).toBe('no changes: the hub matches the config (2 sources)\n')
  })

  it('exits 1 with the code and message of a failed source, applying the others', async () => {
    const file = await config(
      'broken.yaml',
      `${sourcesYaml('?fetch_size=500')}  bad: mysql://${remote.user}:\${WRONG}@${MARIADB.host}:${MARIADB.port}/${remote.database}\n`,
    )
    const run = await idw(['apply', '--config', file], { WRONG: 'nope-nope' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^! bad \(mysql_fdw, .*\): SOURCE_AUTH_FAILED: source "bad": .* refused user/m)
    expect(run.stderr).toMatch(/^idw: bad: SOURCE_AUTH_FAILED: source "bad": /m)
    expect(run.stdout + run.stderr).not.toContain('nope-nope')
    expect(await servers()).toEqual(['files', 'shop'])
  })

  it('reports a malformed config with file, line and column, exiting 1', async () => {
    const file = await config('bad.yaml', 'sources:\n  shop:\n    extension: mysql_fdw\n   server: [\n')
    const run = await idw(['apply', '--config', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(new RegExp(`^idw: CONFIG_INVALID: ${file.replaceAll('.', '\\.')}:4:\\d+: `))
    const missing = await idw(['apply'], { IDW_CONFIG: '' })
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'idw: BAD_INPUT: idw apply needs a config file: --config FILE or IDW_CONFIG\n',
    })
  })

  it('applies a single-source file named after the file, and prunes config sources only when asked', async () => {
    const file = await config(
      'towns.yaml',
      `extension: file_fdw\ntables:\n  - name: cities\n    options: { filename: ${dir}/cities.csv, format: csv, delimiter: ';', header: true }\n`,
    )
    const run = await idw(['apply', '--config', file])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^\+ towns \(file_fdw, .*cities\.csv\): created/m)
    expect(run.stdout).toMatch(
      /^\? shop \(mysql_fdw, .*\): in the hub but not in the config; kept \(--prune removes it\)$/m,
    )
    const pruned = await idw(['apply', '--config', file, '--prune'])
    expect(pruned.stdout).toMatch(/^- shop \(mysql_fdw, .*\): removed in \d+ ms$/m)
    expect(await servers()).toEqual(['towns'])
  })
})
