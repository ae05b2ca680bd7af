import { useMemo } from 'react'
import { tokenizeSql } from './remote-sql.utils'

/** SQL shown highlighted (key words, strings, numbers, parameters, comments) in a `<pre>`; text stays selectable. */
export function SqlText({ sql, className, testId }: { sql: string; className?: string; testId?: string }) {
  const tokens = useMemo(() => tokenizeSql(sql), [sql])
  return (
    <pre className={`sql-text${className === undefined ? '' : ` ${className}`}`} data-testid={testId}>
      {tokens.map((token, index) =>
        token.kind === 'space' || token.kind === 'word' || token.kind === 'punct' ? (
          token.text
        ) : (
          <span key={index} className={`sql-text__${token.kind}`}>
            {token.text}
          </span>
        ),
      )}
    </pre>
  )
}
