import type { Pool, PoolClient } from 'pg'
import { EngineError } from '../../api/contract/errors.js'
import type { SourceTestResult, TestVerdict } from '../../api/contract/sources.js'
import { readSchemaTables, type SchemaTable } from '../../catalog/schema-tables.js'
import { planSourceDdl, rawSchemaName } from '../ddl-plan.js'
import { statement } from '../ddl-statement.js'
import { fdwAdapter } from '../fdw/index.js'
import { checkReadable } from '../file-columns/sample-file.js'
import { resolveFileColumns } from '../file-columns/resolve-columns.js'
import { fdwMissing, readHubFacts } from '../plan-sources.js'
import { classifyPgError, redactSecrets } from '../setup-error.js'
import type { SourceConfig } from '../source-config.js'
import { quoteIdent, quoteQualified } from '../sql-quote.js'
import { VERDICT_CODES } from './classify-error.js'
import { inThrowawayTransaction, probeName, ProbeTimeout } from './throwaway.js'

/** A probe's finding before timing: ok with the tables reached, or a failure. */
type Finding =
  | { ok: true; tables: SchemaTable[] }
  | { ok: false; verdict: Exclude<TestVerdict, 'ok'>; message: string; action: string; detail: Record<string, string> }

/** The verdict of an EngineError thrown before any DDL ran (FDW missing, file unreadable, inference failed). */
const ENGINE_VERDICTS: Partial<Record<string, Exclude<TestVerdict, 'ok'>>> = {
  FDW_NOT_AVAILABLE: 'fdw_missing',
  SOURCE_NOT_FOUND: 'file_missing',
  SOURCE_AUTH_FAILED: 'permission_denied',
}

/** What to do about an EngineError thrown before any DDL ran, when it does not say itself. */
const ENGINE_ACTIONS: Partial<Record<string, string>> = {
  SOURCE_NOT_FOUND: "Give the path of a file on the machine where the hub's PostgreSQL runs; it reads files there.",
  SOURCE_AUTH_FAILED:
    "Make the file readable by the OS user the hub's PostgreSQL runs as (chmod 644 the file, 755 its folders).",
}

function fromEngineError(source: SourceConfig, err: EngineError): Finding {
  const detail = Object.fromEntries(
    Object.entries(err.detail ?? {})
      .filter(([k]) => k !== 'action')
      .map(([k, v]) => [k, redactSecrets(String(v), source)]),
  )
  const pkg = err.detail?.package
  const action =
    typeof err.detail?.action === 'string'
      ? err.detail.action
      : typeof pkg === 'string'
        ? `Install ${pkg} on the hub's server (Debian/Ubuntu: apt-get install ${pkg}).`
        : (ENGINE_ACTIONS[err.code] ?? 'See detail.')
  return {
    ok: false,
    verdict: (detail.verdict as Exclude<TestVerdict, 'ok'> | undefined) ?? ENGINE_VERDICTS[err.code] ?? 'failed',
    message: redactSecrets(err.message, source),
    action,
    detail,
  }
}

function fromPgError(source: SourceConfig, err: unknown, step?: Parameters<typeof classifyPgError>[2]): Finding {
  if (err instanceof EngineError) return fromEngineError(source, err)
  const found = classifyPgError(source, err, step)
  return { ok: false, verdict: found.verdict, message: found.message, action: found.action, detail: found.detail }
}

/** Runs statements; the first failure is the finding. */
async function runAll(
  client: PoolClient,
  source: SourceConfig,
  plan: ReturnType<typeof planSourceDdl>,
): Promise<Finding | null> {
  for (const step of plan) {
    try {
      await client.query(step.sql)
    } catch (err) {
      return fromPgError(source, err, step)
    }
  }
  return null
}

/** Reads one row of the first table: proves the remote user may SELECT (or the file parses). */
async function readFirstRow(
  client: PoolClient,
  source: SourceConfig,
  schema: string,
  tables: SchemaTable[],
): Promise<Finding> {
  const first = tables[0]
  if (first) {
    try {
      await client.query(`SELECT * FROM ${quoteQualified(schema, first.name)} LIMIT 1`)
    } catch (err) {
      return fromPgError(source, err)
    }
  }
  return { ok: true, tables }
}

/**
 * Creates `source` under a throwaway name in a rolled-back transaction (extension, server, user mapping,
 * import or file tables, views) and reads one row: every step the real apply runs, so its failure is the
 * failure `sources/add` would meet. The tables reached are answered for the table picker.
 */
async function probeDraft(client: PoolClient, source: SourceConfig): Promise<Finding> {
  const probe = { ...source, name: probeName() }
  return renamed(await probeAs(client, source, probe), probe.name, source.name)
}

/** `finding` with the throwaway name replaced by the draft's, so messages speak of the user's source. */
function renamed(finding: Finding, from: string, to: string): Finding {
  if (finding.ok) return finding
  const fix = (text: string): string => text.replaceAll(from, to)
  return {
    ...finding,
    message: fix(finding.message),
    action: fix(finding.action),
    detail: Object.fromEntries(Object.entries(finding.detail).map(([k, v]) => [k, fix(v)])),
  }
}

async function probeAs(client: PoolClient, source: SourceConfig, probe: SourceConfig): Promise<Finding> {
  const datasource = probe.serverOptions.datasource
  try {
    if (probe.extension === 'ogr_fdw' && datasource?.startsWith('/')) await checkReadable(client, datasource)
    const resolved = await resolveFileColumns(client, probe)
    const failed = await runAll(client, resolved, planSourceDdl(resolved, null))
    if (failed) return failed
    const tables = await readSchemaTables(client, rawSchemaName(probe.name))
    return await readFirstRow(client, resolved, rawSchemaName(probe.name), tables)
  } catch (err) {
    if (err instanceof EngineError) return fromEngineError(source, err)
    throw err
  }
}

/** Probes a saved source: imports nothing (LIMIT TO a table that cannot exist) to reach the remote, reads a row. */
async function probeSaved(client: PoolClient, source: SourceConfig): Promise<Finding> {
  if (source.importSchema && fdwAdapter(source.extension).supportsImport) {
    const schema = probeName()
    const importNothing = `IMPORT FOREIGN SCHEMA ${quoteIdent(source.importSchema.remoteSchema)} LIMIT TO (${quoteIdent(schema)}) FROM SERVER ${quoteIdent(source.name)} INTO ${quoteIdent(schema)}`
    const failed = await runAll(client, source, [
      statement('create schema', `CREATE SCHEMA ${quoteIdent(schema)}`),
      statement('import foreign schema', importNothing),
    ])
    if (failed) return failed
  }
  const tables = await readSchemaTables(client, rawSchemaName(source.name))
  return readFirstRow(client, source, rawSchemaName(source.name), tables)
}

function okMessage(source: SourceConfig, tables: SchemaTable[]): string {
  const where = fdwAdapter(source.extension).describeLocation(source) ?? source.name
  const first = tables[0]
  if (source.extension === 'file_fdw' && tables.length === 1 && first)
    return `read ${where}: ${first.columns.length} columns (${first.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`
  return `connected to ${where}: ${tables.length} table${tables.length === 1 ? '' : 's'}`
}

/**
 * Tests a source without saving it (`saved` false: a draft, created under a throwaway name) or a saved one,
 * on a connection of its own in a transaction that is rolled back: nothing is left in the hub. A failed test
 * is an answer with a verdict, its error code, what happened and what to do — never a thrown error.
 * @throws EngineError `HUB_QUERY_FAILED` only when the hub itself cannot be read.
 */
export async function testSource(
  pool: Pool,
  source: SourceConfig,
  options: { saved: boolean; timeoutMs: number },
): Promise<{ result: SourceTestResult; tables: SchemaTable[] }> {
  const started = performance.now()
  let finding: Finding
  const client = await pool.connect()
  const hub = await readHubFacts(client, [source.extension]).finally(() => client.release())
  if (!options.saved && !hub.available.has(source.extension)) {
    finding = fromEngineError(source, fdwMissing(source, hub.major))
  } else {
    try {
      finding = await inThrowawayTransaction(pool, options.timeoutMs, (c) =>
        options.saved ? probeSaved(c, source) : probeDraft(c, source),
      )
    } catch (err) {
      if (!(err instanceof ProbeTimeout)) throw err
      const where = fdwAdapter(source.extension).describeLocation(source) ?? source.name
      finding = {
        ok: false,
        verdict: 'timeout',
        message: `${where} ${err.message}`,
        action: 'Check the host and port, and that no firewall drops the connection.',
        detail: {},
      }
    }
  }
  const latencyMs = Math.round(performance.now() - started)
  if (finding.ok) {
    const result: SourceTestResult = {
      ok: true,
      verdict: 'ok',
      code: null,
      message: okMessage(source, finding.tables),
      action: null,
      detail: null,
      latencyMs,
      remoteTables: finding.tables.length,
    }
    return { result, tables: finding.tables }
  }
  const result: SourceTestResult = {
    ok: false,
    verdict: finding.verdict,
    code: VERDICT_CODES[finding.verdict],
    message: finding.message,
    action: finding.action,
    detail: Object.keys(finding.detail).length > 0 ? finding.detail : null,
    latencyMs,
    remoteTables: null,
  }
  return { result, tables: [] }
}
