import type { Field, Schema } from 'apache-arrow'
import type { ExportFile, ExportManifest } from '../../api/contract/export.js'
import { PG_TYPE_METADATA_KEY } from '../../api/contract/query.js'
import type { SampleSpec, SplitSpec } from '../dataset/dataset-options.js'
import type { FormatSettings } from '../format-settings.js'
import type { StatementInfo } from './dataset-context.js'

/** The split and sample hash, spelled out so that anyone can recompute it (Python: `mmh3.hash(data, seed, signed=False)`). */
const HASH = {
  function: 'murmur3_x86_32',
  input: 'UTF-8 bytes of "<purpose>:" + key text, purpose "split" or "sample"; a NULL key hashes "<purpose>" alone',
  unit:
    'u = (h1 * 2^21 + (h2 >> 11)) / 2^53 where h1 = murmur3(input, seed), h2 = murmur3(input, seed XOR 0x9E3779B9); ' +
    'key text: text as is, other values as the CSV export spells them, lists as JSON arrays, the row ordinal ' +
    '(0-based, decimal) when sampling has no key',
} as const

/** What an export did, for its manifest. */
export interface ManifestFacts {
  statement: StatementInfo
  schema: Schema
  settings: FormatSettings
  split: SplitSpec | null
  sample: SampleSpec | null
  partBytes: number | null
  rowsRead: number
  files: readonly ExportFile[]
  startedAt: Date
  completedAt: Date
}

/** Builds the manifest of a completed export (shape: `ExportManifest` in the API contract). */
export function buildManifest(facts: ManifestFacts): ExportManifest {
  const { statement, settings, split, sample } = facts
  const context = statement.context
  return {
    manifestVersion: 1,
    jobId: statement.jobId,
    createdAt: facts.startedAt.toISOString(),
    completedAt: facts.completedAt.toISOString(),
    principal: context.principal ?? 'local',
    statement: { sql: statement.sql, executedSql: statement.executedSql, parameters: [...statement.parameters] },
    hub: { version: context.hubVersion ?? null },
    sources: (context.sources ?? []).map((source) => ({
      name: source.name,
      extension: source.extension ?? null,
      version: source.version ?? null,
    })),
    format: formatFacts(settings),
    columns: { rename: { ...statement.rename }, cast: { ...statement.cast } },
    schema: facts.schema.fields.map(describeField),
    split:
      split === null
        ? null
        : {
            key: split.key,
            seed: split.seed,
            ratios: { ...split.ratios },
            rule: 'u < train → train; u < train + validation → validation; else test',
            hash: HASH,
          },
    sample:
      sample === null
        ? null
        : {
            rows: sample.rows,
            fraction: sample.fraction,
            seed: sample.seed,
            key: sample.key,
            method: sample.rows === null ? 'threshold' : 'bottom-k',
            hash: HASH,
          },
    parts: facts.partBytes === null ? null : { targetBytes: facts.partBytes },
    rowsRead: facts.rowsRead,
    rows: facts.files.reduce((sum, file) => sum + file.rows, 0),
    files: [...facts.files],
  }
}

function formatFacts(settings: FormatSettings): ExportManifest['format'] {
  switch (settings.format) {
    case 'csv':
      return { name: 'csv', delimiter: settings.delimiter, header: settings.header }
    case 'parquet':
      return { name: 'parquet', compression: settings.compression, rowGroupRows: settings.rowGroupRows }
    default:
      return { name: settings.format }
  }
}

function describeField(field: Field): ExportManifest['schema'][number] {
  return {
    name: field.name,
    arrowType: String(field.type),
    pgType: field.metadata.get(PG_TYPE_METADATA_KEY) ?? null,
    nullable: field.nullable,
  }
}
