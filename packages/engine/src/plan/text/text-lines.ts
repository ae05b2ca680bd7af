/** One line of a text plan without its decoration: `indent` counts spaces relative to the root node's line. */
export interface PlanLine {
  indent: number
  text: string
}

const RULE = /^\s*[-+─━┌┐└┘├┤┬┴┼═╞╡╪╤╧╒╕╘╛]+\s*$/
const BOX_SIDE = /^\s*[|│║]/
const ROW_COUNT = /^\s*\(\d+ rows?\)\s*$/
const PSQL_TIMING = /^\s*Time: [\d.]+ ms/
const LOG_PLAN = /duration: [\d.]+ ms\s+plan:\s*$/
const HEADER_WITH_NUMBERS = /\((?:cost=|actual |never executed)/

function everyLine(lines: string[], test: (line: string) => boolean): boolean {
  const content = lines.filter((line) => line.trim() !== '')
  return content.length > 0 && content.every(test)
}

/** pgAdmin and spreadsheets copy each row as a CSV field: `"Seq Scan on t  (cost=…)"`. */
function unquoteFields(lines: string[]): string[] {
  if (!everyLine(lines, (line) => /^\s*".*"\s*$/.test(line))) return lines
  return lines.map((line) => line.trim().slice(1, -1).replaceAll('""', '"'))
}

/** auto_explain in a server log: drop the log prefix up to `plan:` and the `Query Text:` lines. */
function stripLogPrefix(lines: string[]): string[] {
  const planAt = lines.findIndex((line) => LOG_PLAN.test(line))
  if (planAt === -1) return lines
  let rest = lines.slice(planAt + 1)
  if (everyLine(rest, (line) => line.startsWith('\t'))) rest = rest.map((line) => line.replace(/^\t/, ''))
  if (rest[0]?.trimStart().startsWith('Query Text:')) {
    const root = rest.findIndex((line) => HEADER_WITH_NUMBERS.test(line))
    rest = root === -1 ? rest.slice(1) : rest.slice(root)
  }
  return rest
}

/** `\pset border 2`: drop the rules and the header row above the second rule, cut `| ` and ` |` off each row. */
function stripBoxes(lines: string[]): string[] {
  if (!lines.some((line) => BOX_SIDE.test(line))) return lines
  const firstRow = lines.findIndex((line) => BOX_SIDE.test(line))
  const hasHeader =
    RULE.test(lines[firstRow + 1] ?? '') && lines.slice(firstRow + 2).some((line) => BOX_SIDE.test(line))
  return lines
    .filter((line, i) => !RULE.test(line) && !(hasHeader && i === firstRow))
    .map((line) => (BOX_SIDE.test(line) ? line.replace(/^\s*[|│║] ?/, '').replace(/ ?[|│║]\s*$/, '') : line))
}

/**
 * The column header (`QUERY PLAN`, or any name, with the rule under it; a bare `QUERY PLAN` line as pgAdmin copies
 * it), the `(N rows)` footer and `\timing` lines.
 */
function stripHeaderAndFooter(lines: string[]): string[] {
  const result: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const next = lines[i + 1]
    if (next !== undefined && RULE.test(next) && line.trim() !== '' && result.every((kept) => kept.trim() === '')) {
      i++
      continue
    }
    const first = result.every((kept) => kept.trim() === '')
    if (RULE.test(line) || ROW_COUNT.test(line) || PSQL_TIMING.test(line) || (first && line.trim() === 'QUERY PLAN'))
      continue
    result.push(line.replace(/^\s*QUERY PLAN\s+\|\s?/, ''))
  }
  return result
}

/**
 * psql marks a line that continues in the same cell with `+` in the right margin (`\pset format aligned`), right
 * after the padding (so directly after the text on the longest line); no plan line ends with `+` otherwise. Some
 * tools put the marker at the start of each line instead. Both are removed.
 */
function stripContinuationMarks(lines: string[]): string[] {
  const trimmed = lines.map((line) => line.replace(/\+\s*$/, '').trimEnd())
  if (!everyLine(trimmed, (line) => line.startsWith('+'))) return trimmed
  return trimmed.map((line) => line.slice(1))
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length
}

/**
 * The lines of a text plan pasted from psql (any border style, with or without the `QUERY PLAN` header, the
 * `(N rows)` footer and `+` continuation marks), pgAdmin (quoted rows) or a server log (auto_explain), with
 * indentation measured from the root node's line. Empty lines are dropped.
 */
export function extractPlanLines(input: string): PlanLine[] {
  let lines = input.replace(/\r\n?/g, '\n').split('\n')
  lines = stripContinuationMarks(stripHeaderAndFooter(stripBoxes(stripLogPrefix(unquoteFields(lines)))))
  if (everyLine(lines, (line) => line.startsWith('\t'))) lines = lines.map((line) => line.slice(1))
  const content = lines.map((line) => line.replace(/\t/g, '    ')).filter((line) => line.trim() !== '')
  const base = content[0] === undefined ? 0 : indentOf(content[0])
  return content.map((line) => ({ indent: Math.max(0, indentOf(line) - base), text: line.trim() }))
}
