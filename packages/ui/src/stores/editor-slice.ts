import { selectStarSql } from '../sql/sql-text.utils'
import type { SliceCreator } from './store-types'

/** The demo's first query: flights and average delay per origin state, across two sources. */
export const DEMO_SQL =
  'SELECT a.state, count(*) AS flights, round(avg(f.delay), 2) AS avg_delay FROM flights.flights f ' +
  'JOIN files.airports a ON a.iata = f.origin GROUP BY a.state ORDER BY flights DESC;'

/** A statement waiting to be put into the editor (the editor view applies it, then calls `completeInsert`). */
export interface PendingInsert {
  id: number
  text: string
}

/** The SQL editor's text as the store knows it. */
export interface EditorState {
  /** Whole editor text. */
  sql: string
  /** Selected text, or '' when nothing is selected. */
  selection: string
  /** Where the cursor is in `sql` (0-based offset): a run without a selection takes the statement there. */
  cursorOffset: number
  pendingInsert: PendingInsert | null
}

/** SQL editor state (text, selection, cursor offset, a pending insert) and its setters. */
export interface EditorSlice {
  editor: EditorState
  setSql(sql: string): void
  setSelection(selection: string): void
  /** Records the cursor position (0-based offset into `sql`). */
  setCursorOffset(offset: number): void
  /** Asks the editor to append `text` as its own statement and select it. */
  insertStatement(text: string): void
  /** Inserts `SELECT * FROM <schema>.<table> LIMIT 1000;` (identifiers quoted when needed). */
  insertTableQuery(schema: string, table: string): void
  /** Marks insert `id` as applied by the editor view. */
  completeInsert(id: number): void
}

/** The editor slice: text, selection, and statements waiting to be inserted. */
export const createEditorSlice: SliceCreator<EditorSlice> = () => (set, get) => {
  let lastInsertId = 0
  return {
    editor: { sql: DEMO_SQL, selection: '', cursorOffset: 0, pendingInsert: null },

    setSql(sql) {
      set((s) => ({ editor: { ...s.editor, sql } }))
    },

    setSelection(selection) {
      set((s) => ({ editor: { ...s.editor, selection } }))
    },

    setCursorOffset(cursorOffset) {
      set((s) => (s.editor.cursorOffset === cursorOffset ? s : { editor: { ...s.editor, cursorOffset } }))
    },

    insertStatement(text) {
      lastInsertId += 1
      const pendingInsert = { id: lastInsertId, text }
      set((s) => ({ editor: { ...s.editor, pendingInsert } }))
    },

    insertTableQuery(schema, table) {
      get().insertStatement(selectStarSql(schema, table))
    },

    completeInsert(id) {
      set((s) => (s.editor.pendingInsert?.id === id ? { editor: { ...s.editor, pendingInsert: null } } : s))
    },
  }
}
