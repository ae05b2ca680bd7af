import type * as MonacoApi from 'monaco-editor/editor/editor.api'
import { conf, language } from 'monaco-editor/languages/definitions/pgsql/pgsql'

/** Id of the editor's SQL language: Monaco's PostgreSQL grammar plus the key words it lacks. */
export const SQL_LANGUAGE_ID = 'idw-pgsql'

/** Key words Monaco's pgsql grammar leaves out (`GROUP BY` would show `BY` as an identifier). */
const MISSING_KEYWORDS = ['BY', 'FILTER', 'OVER', 'PARTITION', 'NULLS', 'FIRST', 'LAST', 'ROWS', 'RANGE', 'INTERVAL']

/** Registers the editor's SQL language (highlighting, brackets, comments) with `monaco`. */
export function registerSqlLanguage(monaco: typeof MonacoApi): void {
  const keywords = [...new Set([...language.keywords, ...MISSING_KEYWORDS])]
  monaco.languages.register({ id: SQL_LANGUAGE_ID, aliases: ['PostgreSQL', 'SQL'] })
  monaco.languages.setLanguageConfiguration(SQL_LANGUAGE_ID, conf)
  monaco.languages.setMonarchTokensProvider(SQL_LANGUAGE_ID, { ...language, keywords })
}
