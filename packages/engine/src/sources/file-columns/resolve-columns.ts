import type { Pool, PoolClient } from 'pg'
import { EngineError } from '../../api/contract/errors.js'
import type { ForeignTableConfig, SourceConfig } from '../source-config.js'
import { inferColumns } from './infer-columns.js'
import { readRows, rowFormat } from './read-rows.js'
import { sampleFile } from './sample-file.js'

/** Rows used for inference at most. */
const SAMPLE_ROWS = 10_000

function headerOption(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined
  return /^(true|on|yes|1|match)$/i.test(value)
}

async function resolveTable(
  db: Pool | PoolClient,
  source: string,
  table: ForeignTableConfig,
): Promise<ForeignTableConfig> {
  const file = table.options.filename
  if (file === undefined)
    throw new EngineError(
      'BAD_INPUT',
      `source "${source}", table "${table.name}": give the filename option, or list the columns (they are inferred from a file only)`,
      { source, table: table.name },
    )
  const sample = await sampleFile(db, file, table.options.encoding)
  const rows = readRows(sample.text, rowFormat(table.options), sample.complete).slice(0, SAMPLE_ROWS)
  let inferred: ReturnType<typeof inferColumns>
  try {
    inferred = inferColumns(rows, headerOption(table.options.header))
  } catch (err) {
    throw new EngineError('SOURCE_SETUP_FAILED', `source "${source}": ${file}: ${(err as Error).message}`, {
      source,
      file,
    })
  }
  return {
    ...table,
    options: { ...table.options, header: table.options.header ?? String(inferred.header) },
    columns: inferred.columns.map((c) => ({ name: c.name, type: c.type, options: {} })),
  }
}

/**
 * `source` with the columns of its `inferColumns` tables read from their files (through the hub, so from the
 * hub's machine, see `sampleFile`); other sources are returned as they are.
 * @throws EngineError of `sampleFile`; `SOURCE_SETUP_FAILED` for an empty file.
 */
export async function resolveFileColumns(db: Pool | PoolClient, source: SourceConfig): Promise<SourceConfig> {
  if (!source.tables?.some((t) => t.inferColumns)) return source
  const tables: ForeignTableConfig[] = []
  for (const table of source.tables)
    tables.push(table.inferColumns ? await resolveTable(db, source.name, table) : table)
  return { ...source, tables }
}
