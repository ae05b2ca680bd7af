import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** MariaDB of the test machine: 127.0.0.1:3306, user root, empty password (reached with the `mysql` client). */
export const MARIADB = { host: '127.0.0.1', port: 3306, user: 'root' }

/**
 * Runs SQL on MariaDB with the `mysql` command-line client and answers the rows, tab-separated fields as text
 * (`NULL` for SQL null), without a header.
 * @throws the client's error (ENOENT when it is not installed; its stderr when MariaDB refuses).
 */
export async function mariadb(sql: string, database?: string): Promise<(string | null)[][]> {
  const args = [`-h${MARIADB.host}`, `-P${MARIADB.port}`, `-u${MARIADB.user}`, '--batch', '--raw', '-N']
  const { stdout } = await run('mysql', [...args, ...(database ? [database] : []), '-e', sql], {
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t').map((field) => (field === 'NULL' ? null : field)))
}

/**
 * Creates database `database` with table `items`: 5 000 generated rows (MariaDB's sequence engine) with text in
 * the usual case-insensitive collation (`utf8mb4_general_ci`, the one mysql_fdw's ILIKE → LIKE relies on), nulls,
 * decimals, doubles, dates and datetimes.
 */
export async function createItemsDatabase(database: string): Promise<void> {
  await mariadb(`
    CREATE DATABASE ${database};
    USE ${database};
    CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), city VARCHAR(20), amount DECIMAL(10,2), score DOUBLE,
                        qty INT, created DATE, updated DATETIME) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
    INSERT INTO items
    SELECT seq,
           IF(seq % 17 = 0, NULL, CONCAT(ELT(1 + seq % 5, 'alpha', 'Beta', 'gamma', 'Délta', 'epsilon'), '-', seq)),
           ELT(1 + seq % 5, 'Seattle', 'Portland', 'Boston', 'Austin', NULL),
           (seq * 37 % 10000) / 100,
           (seq % 1000) / 7.0,
           IF(seq % 11 = 0, NULL, seq % 50),
           DATE '2020-01-01' + INTERVAL (seq % 1000) DAY,
           TIMESTAMP '2020-01-01 00:00:00' + INTERVAL (seq * 3607) SECOND
      FROM seq_1_to_5000`)
}
