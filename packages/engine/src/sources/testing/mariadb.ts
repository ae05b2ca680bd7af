import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { vegaDataFile } from '../../demo/vega-data.js'
import { penguinValues, readPenguins } from './penguins.js'

/** Where the test MariaDB is: `IDW_TEST_MARIADB_HOST`/`_PORT`/`_USER`/`_PASSWORD`, default root@127.0.0.1:3306. */
export const MARIADB = {
  host: process.env.IDW_TEST_MARIADB_HOST ?? '127.0.0.1',
  port: Number(process.env.IDW_TEST_MARIADB_PORT ?? 3306),
  user: process.env.IDW_TEST_MARIADB_USER ?? 'root',
  password: process.env.IDW_TEST_MARIADB_PASSWORD ?? '',
}

/**
 * Runs SQL through the `mariadb` command-line client (batch mode, no column names) and answers the rows as
 * arrays of strings (`NULL` for NULL).
 * @throws Error with the client's stderr.
 */
export function mariadb(sql: string, database?: string): Promise<string[][]> {
  const args = [
    '-h',
    MARIADB.host,
    '-P',
    String(MARIADB.port),
    '-u',
    MARIADB.user,
    '-N',
    '-B',
    ...(database ? [database] : []),
  ]
  return new Promise((resolve, reject) => {
    const child = execFile(
      'mariadb',
      args,
      { env: { ...process.env, MYSQL_PWD: MARIADB.password }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        if (err)
          reject(
            new Error(
              `mariadb: ${
                stderr
                  .split('\n')
                  .filter((l) => l.startsWith('ERROR'))
                  .join(' ') || err.message
              }`,
            ),
          )
        else
          resolve(
            stdout
              .split('\n')
              .filter((l) => l !== '')
              .map((l) => l.split('\t')),
          )
      },
    )
    child.stdin?.end(sql)
  })
}

/** Why MariaDB cannot serve the tests, or null. */
export async function mariadbUnavailable(): Promise<string | null> {
  try {
    await mariadb('SELECT 1')
    return null
  } catch (err) {
    return `no MariaDB at ${MARIADB.host}:${MARIADB.port} (${(err as Error).message.split('\n')[0]})`
  }
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') return String(value)
  return `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "''")}'`
}

/** `Jun 12 1998` → `1998-06-12`. */
function isoDate(text: string): string | null {
  const d = new Date(`${text} UTC`)
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10)
}

async function json(name: string): Promise<Array<Record<string, unknown>>> {
  return JSON.parse(await readFile(vegaDataFile(name), 'utf8')) as Array<Record<string, unknown>>
}

/** A MariaDB database holding vega's movies and penguins, and a read-only user of it. */
export interface RemoteDataset {
  database: string
  user: string
  password: string
  movies: number
  penguins: number
  drop(): Promise<void>
}

/**
 * Creates database `idw_test_<random>` with vega-datasets' `movies.json` (3,201 rows: INT primary key, BIGINT, DECIMAL(3,1),
 * DATE, ENUM, VARCHAR, SMALLINT), `penguins.json` (344 rows) and a view `rated_movies` (a view is where
 * mysql_fdw 2.8's ANALYZE crashes), and user `idw_ro_<random>` with `password`, allowed only SELECT on it.
 */
export async function loadRemoteDataset(password: string): Promise<RemoteDataset> {
  const suffix = randomBytes(4).toString('hex')
  const database = `idw_test_${suffix}`
  const user = `idw_ro_${suffix}`
  const movies = await json('movies.json')
  const penguins = await readPenguins()
  const movieRows = movies.map((m) =>
    [
      m.Title,
      m['US Gross'],
      m['Worldwide Gross'],
      m['US DVD Sales'],
      m['Production Budget'],
      isoDate(String(m['Release Date'])),
      m['MPAA Rating'],
      m['Running Time min'],
      m.Distributor,
      m['Major Genre'],
      m.Director,
      m['Rotten Tomatoes Rating'],
      m['IMDB Rating'],
      m['IMDB Votes'],
    ]
      .map(literal)
      .join(', '),
  )
  const penguinRows = penguins.map((p) => penguinValues(p).map(literal).join(', '))
  const drop = async (): Promise<void> => {
    await mariadb(`DROP DATABASE IF EXISTS ${database}; DROP USER IF EXISTS '${user}'@'%';`)
  }
  await mariadb(`
    CREATE DATABASE ${database} CHARACTER SET utf8mb4;
    USE ${database};
    CREATE TABLE movies (
      id INT AUTO_INCREMENT PRIMARY KEY,
      title VARCHAR(255),
      us_gross BIGINT, worldwide_gross BIGINT, us_dvd_sales BIGINT, production_budget BIGINT,
      release_date DATE,
      mpaa_rating ENUM('G', 'PG', 'PG-13', 'R', 'NC-17', 'Not Rated', 'Open'),
      running_time_min SMALLINT,
      distributor VARCHAR(100), major_genre VARCHAR(50), director VARCHAR(100),
      rotten_tomatoes_rating TINYINT,
      imdb_rating DECIMAL(3,1),
      imdb_votes INT
    );
    INSERT INTO movies (title, us_gross, worldwide_gross, us_dvd_sales, production_budget, release_date, mpaa_rating,
      running_time_min, distributor, major_genre, director, rotten_tomatoes_rating, imdb_rating, imdb_votes)
    VALUES (${movieRows.join('),\n(')});
    CREATE TABLE penguins (
      id INT AUTO_INCREMENT PRIMARY KEY,
      species VARCHAR(20) NOT NULL, island VARCHAR(20) NOT NULL,
      beak_length_mm DOUBLE, beak_depth_mm DOUBLE, flipper_length_mm SMALLINT, body_mass_g INT,
      sex VARCHAR(6)
    );
    INSERT INTO penguins (species, island, beak_length_mm, beak_depth_mm, flipper_length_mm, body_mass_g, sex)
    VALUES (${penguinRows.join('),\n(')});
    CREATE VIEW rated_movies AS SELECT id, title, imdb_rating FROM movies WHERE imdb_rating IS NOT NULL;
    CREATE USER '${user}'@'%' IDENTIFIED BY ${literal(password)};
    GRANT SELECT ON ${database}.* TO '${user}'@'%';
  `).catch(async (err: unknown) => {
    await drop()
    throw err
  })
  return {
    database,
    user,
    password,
    movies: movies.length,
    penguins: penguins.length,
    drop,
  }
}

/** The PostgreSQL type mysql_fdw's import gives a MariaDB column type (ENUM as text: import_enum_as_text). */
export function hubType(mysqlType: string): string {
  const m = /^(\w+)(?:\((\d+)(?:,(\d+))?\))?/.exec(mysqlType.toLowerCase())
  const [, base, size, scale] = m ?? []
  const types: Record<string, string> = {
    int: 'integer',
    bigint: 'bigint',
    smallint: 'smallint',
    tinyint: 'smallint',
    decimal: `numeric(${size},${scale})`,
    date: 'date',
    varchar: `character varying(${size})`,
    double: 'double precision',
    enum: 'text',
  }
  return types[base ?? ''] ?? `unmapped ${mysqlType}`
}
