/** How a file_fdw table reads its file: COPY's format options. */
export interface RowFormat {
  /** `csv` or `text` (COPY text: backslash escapes). */
  format: 'csv' | 'text'
  delimiter: string
  /** CSV quote and escape characters. */
  quote: string
  escape: string
  /** The text read as NULL (unquoted, in CSV). */
  nullMarker: string
}

/** COPY's defaults for `options` (https://www.postgresql.org/docs/current/sql-copy.html). */
export function rowFormat(options: Readonly<Record<string, string>>): RowFormat {
  const format = options.format === 'csv' ? 'csv' : 'text'
  const quote = options.quote ?? '"'
  return {
    format,
    delimiter: options.delimiter ?? (format === 'csv' ? ',' : '\t'),
    quote,
    escape: options.escape ?? quote,
    nullMarker: options.null ?? (format === 'csv' ? '' : '\\N'),
  }
}

const TEXT_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' }

function textRows(text: string, f: RowFormat): Array<Array<string | null>> {
  return text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) =>
      line
        .split(f.delimiter)
        .map((field) =>
          field === f.nullMarker ? null : field.replace(/\\(.)/g, (_m, c: string) => TEXT_ESCAPES[c] ?? c),
        ),
    )
}

function csvRows(text: string, f: RowFormat): Array<Array<string | null>> {
  const rows: Array<Array<string | null>> = []
  let row: Array<string | null> = []
  let field = ''
  let quoted = false
  let inQuotes = false
  const endField = (): void => {
    row.push(!quoted && field === f.nullMarker ? null : field)
    field = ''
    quoted = false
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (inQuotes) {
      if (c === f.escape && text[i + 1] === f.quote) {
        field += f.quote
        i++
      } else if (c === f.quote) inQuotes = false
      else field += c
    } else if (c === f.quote && field === '') {
      inQuotes = true
      quoted = true
    } else if (c === f.delimiter) endField()
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endField()
      rows.push(row)
      row = []
    } else field += c
  }
  if (field !== '' || quoted || row.length > 0) {
    endField()
    rows.push(row)
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === null && f.nullMarker === ''))
}

/**
 * The rows of the start of a file as COPY would read them: each field a string, or null when it is the NULL
 * marker (unquoted, for CSV). `complete` false means `text` is a prefix of the file: its last row, possibly
 * cut, is dropped.
 */
export function readRows(text: string, f: RowFormat, complete: boolean): Array<Array<string | null>> {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text
  const rows = f.format === 'csv' ? csvRows(body, f) : textRows(body, f)
  return complete ? rows : rows.slice(0, -1)
}
