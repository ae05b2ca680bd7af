import { DuckDBInstance, type Json } from '@duckdb/node-api'

/** An in-memory DuckDB used as the independent reader of exported files in tests. */
export interface DuckDbReader {
  /** Runs `sql` and answers its rows as JSON-friendly objects (big integers and decimals as strings). */
  rows(sql: string): Promise<Record<string, Json>[]>
  close(): void
}

/** Opens an in-memory DuckDB. */
export async function openDuckDb(): Promise<DuckDbReader> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  return {
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson(),
    close: () => {
      connection.closeSync()
      instance.closeSync()
    },
  }
}

/** `text` as a SQL string literal (for file paths in DuckDB queries). */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}
