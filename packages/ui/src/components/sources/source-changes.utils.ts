import type { SourceChanges } from '@idw/engine/api'

/** One line of a refresh's change list. */
export interface ChangeLine {
  kind: 'added' | 'removed' | 'retyped'
  text: string
}

/** What a refresh changed, as the panel under a source card says it. */
export interface ChangeSummary {
  /** "1 table added, 2 columns retyped", or "No changes". */
  headline: string
  lines: ChangeLine[]
}

function counted(count: number, noun: string, verb: string): string | null {
  return count === 0 ? null : `${count} ${noun}${count === 1 ? '' : 's'} ${verb}`
}

/**
 * The headline and lines of a `sources/refresh` answer's `changes`: tables first (`+ table penguins`,
 * `− table movies`), then columns (`+ penguins.sex text`, `− …`, `~ penguins.body_mass_g: integer → bigint`).
 */
export function summarizeChanges(changes: SourceChanges): ChangeSummary {
  if (changes.unchanged) return { headline: 'No changes', lines: [] }
  const parts = [
    counted(changes.tablesAdded.length, 'table', 'added'),
    counted(changes.tablesRemoved.length, 'table', 'removed'),
    counted(changes.columnsAdded.length, 'column', 'added'),
    counted(changes.columnsRemoved.length, 'column', 'removed'),
    counted(changes.columnsRetyped.length, 'column', 'retyped'),
  ].filter((part): part is string => part !== null)
  const lines: ChangeLine[] = [
    ...changes.tablesAdded.map((t) => ({ kind: 'added' as const, text: `table ${t}` })),
    ...changes.tablesRemoved.map((t) => ({ kind: 'removed' as const, text: `table ${t}` })),
    ...changes.columnsAdded.map((c) => ({ kind: 'added' as const, text: `${c.table}.${c.column} ${c.type}` })),
    ...changes.columnsRemoved.map((c) => ({ kind: 'removed' as const, text: `${c.table}.${c.column} ${c.type}` })),
    ...changes.columnsRetyped.map((c) => ({
      kind: 'retyped' as const,
      text: `${c.table}.${c.column}: ${c.from} → ${c.to}`,
    })),
  ]
  return { headline: parts.join(', '), lines }
}
