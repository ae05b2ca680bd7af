import type { Pool } from 'pg'
import { EngineError } from '../../api/contract/errors.js'
import type { RemoteTablesOutput } from '../../api/contract/sources.js'
import { readSchemaTables, type SchemaTable } from '../../catalog/schema-tables.js'
import { rawSchemaName } from '../ddl-plan.js'
import { optionsClause, statement } from '../ddl-statement.js'
import { setupError } from '../setup-error.js'
import type { SourceConfig } from '../source-config.js'
import { effectiveImportOptions } from '../source-hash.js'
import { quoteIdent } from '../sql-quote.js'
import { testSource } from './probe-source.js'
import { inThrowawayTransaction, probeName, ProbeTimeout } from './throwaway.js'

/** `SOURCE_UNREACHABLE` for a listing that ran out of time. */
function timeoutError(source: SourceConfig, err: ProbeTimeout): EngineError {
  return new EngineError(
    'SOURCE_UNREACHABLE',
    `source "${source.name}" ${err.message}`,
    { verdict: 'timeout' },
    { cause: err },
  )
}

/** Imports every table of a saved source's remote schema into a throwaway schema and lists them. */
async function listSaved(pool: Pool, source: SourceConfig, timeoutMs: number): Promise<SchemaTable[]> {
  const spec = source.importSchema
  if (!spec) return []
  const schema = probeName()
  const steps = [
    statement('create schema', `CREATE SCHEMA ${quoteIdent(schema)}`),
    statement(
      'import foreign schema',
      `IMPORT FOREIGN SCHEMA ${quoteIdent(spec.remoteSchema)} FROM SERVER ${quoteIdent(source.name)} INTO ${quoteIdent(schema)}`,
      optionsClause(effectiveImportOptions(source)),
    ),
  ]
  try {
    return await inThrowawayTransaction(pool, timeoutMs, async (client) => {
      for (const step of steps)
        await client.query(step.sql).catch((err: unknown) => Promise.reject(setupError(source, step, err)))
      return readSchemaTables(client, schema)
    })
  } catch (err) {
    if (err instanceof ProbeTimeout) throw timeoutError(source, err)
    throw err
  }
}

/**
 * The table picker's list: every table of the source's remote schema (or its files) with column types as the
 * hub will see them, read by importing into a throwaway schema in a rolled-back transaction. For a saved
 * source, `imported` marks the tables it already has.
 * @throws EngineError with the code of the connection test's verdict (`SOURCE_UNREACHABLE`,
 *   `SOURCE_AUTH_FAILED`, `SOURCE_NOT_FOUND`, `FDW_NOT_AVAILABLE`…) when the source cannot be read.
 */
export async function listRemoteTables(
  pool: Pool,
  source: SourceConfig,
  options: { saved: boolean; timeoutMs: number },
): Promise<RemoteTablesOutput> {
  const remoteSchema = source.importSchema?.remoteSchema ?? null
  if (options.saved) {
    const imported = await readSchemaTables(pool, rawSchemaName(source.name))
    const names = new Set(imported.map((t) => t.name))
    const tables = source.importSchema ? await listSaved(pool, source, options.timeoutMs) : imported
    return { remoteSchema, tables: tables.map((t) => ({ ...t, imported: names.has(t.name) })) }
  }
  const everything: SourceConfig = {
    ...source,
    importSchema: source.importSchema && {
      remoteSchema: source.importSchema.remoteSchema,
      ...(source.importSchema.options ? { options: source.importSchema.options } : {}),
    },
  }
  const { result, tables } = await testSource(pool, everything, { saved: false, timeoutMs: options.timeoutMs })
  if (!result.ok || result.code !== null)
    throw new EngineError(
      (result.code ?? 'SOURCE_SETUP_FAILED') as EngineError['code'],
      `source "${source.name}": ${result.message}. ${result.action ?? ''}`.trim(),
      { verdict: result.verdict, ...(result.detail ?? {}) },
    )
  return { remoteSchema, tables: tables.map((t) => ({ ...t, imported: false })) }
}
