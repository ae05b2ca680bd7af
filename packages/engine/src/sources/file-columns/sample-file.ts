import type { Pool, PoolClient } from 'pg'
import { EngineError } from '../../api/contract/errors.js'

/** Bytes read from the start of a file to infer its columns (1 MiB). */
export const SAMPLE_BYTES = 1 << 20

/** WHATWG decoder labels of PostgreSQL encoding names (https://www.postgresql.org/docs/current/multibyte.html). */
const DECODERS: Record<string, string> = {
  UTF8: 'utf-8',
  SQL_ASCII: 'utf-8',
  LATIN1: 'iso-8859-1',
  LATIN2: 'iso-8859-2',
  LATIN9: 'iso-8859-15',
  WIN1250: 'windows-1250',
  WIN1251: 'windows-1251',
  WIN1252: 'windows-1252',
  KOI8R: 'koi8-r',
  SJIS: 'shift_jis',
  EUC_JP: 'euc-jp',
  GBK: 'gbk',
  BIG5: 'big5',
}

/** The start of a file on the hub's machine, decoded, and whether it is the whole file. */
export interface FileSample {
  text: string
  complete: boolean
  /** Size of the whole file, bytes. */
  size: number
}

/**
 * Reads the first `bytes` (default `SAMPLE_BYTES`) of `file` through the hub (`pg_read_binary_file`, as the OS user the hub's
 * PostgreSQL runs as: the same access file_fdw will have), decoded from `encoding` (a PostgreSQL name; UTF-8
 * by default).
 * @throws EngineError `SOURCE_NOT_FOUND` (no such file, or a folder), `SOURCE_AUTH_FAILED` (the hub may not
 *   read it, or lacks `pg_read_server_files`), `HUB_QUERY_FAILED` otherwise.
 */
export async function sampleFile(
  db: Pool | PoolClient,
  file: string,
  encoding?: string,
  bytes = SAMPLE_BYTES,
): Promise<FileSample> {
  let row: { size: string | null; isdir: boolean | null; head: Buffer | null } | undefined
  try {
    const result = await db.query<{ size: string | null; isdir: boolean | null; head: Buffer | null }>(
      `SELECT s.size::text AS size, s.isdir,
              CASE WHEN s.isdir IS FALSE THEN pg_read_binary_file($1, 0, $2, true) END AS head
         FROM pg_stat_file($1, true) s`,
      [file, bytes],
    )
    row = result.rows[0]
  } catch (err) {
    const sqlstate = (err as { code?: string }).code
    if (sqlstate === '42501')
      throw new EngineError(
        'SOURCE_AUTH_FAILED',
        `the hub may not read ${file}: ${(err as Error).message}. Make the file readable by the OS user the hub's PostgreSQL runs as (chmod 644 the file, 755 its folders); the hub user also needs the pg_read_server_files role`,
        { file, sqlstate },
        { cause: err },
      )
    throw new EngineError(
      'HUB_QUERY_FAILED',
      `could not read ${file} through the hub: ${(err as Error).message}`,
      {
        file,
        ...(sqlstate ? { sqlstate } : {}),
      },
      { cause: err },
    )
  }
  if (!row || row.size === null || row.isdir === null)
    throw new EngineError(
      'SOURCE_NOT_FOUND',
      `file ${file} does not exist on the hub's machine (file_fdw and ogr_fdw read files where the hub's PostgreSQL runs)`,
      { file },
    )
  if (row.isdir) throw new EngineError('SOURCE_NOT_FOUND', `${file} is a folder, not a file`, { file })
  const head = row.head ?? Buffer.alloc(0)
  const label = DECODERS[(encoding ?? 'UTF8').toUpperCase().replace(/-/g, '')] ?? 'utf-8'
  const size = Number(row.size)
  return { text: new TextDecoder(label).decode(head), complete: head.length >= size, size }
}

/**
 * Checks that the hub can read `file` (one byte read through the hub, as in `sampleFile`).
 * @throws EngineError of `sampleFile`.
 */
export async function checkReadable(db: Pool | PoolClient, file: string): Promise<void> {
  await sampleFile(db, file, undefined, 1)
}
