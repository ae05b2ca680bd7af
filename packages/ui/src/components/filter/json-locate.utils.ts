/** A span of text: offsets, `end` excluded. */
export interface TextRange {
  start: number
  end: number
}

/** A JSON value with where it is in the text; object members keep the range of their key. */
export type JsonNode =
  | { type: 'object'; range: TextRange; members: { key: string; keyRange: TextRange; value: JsonNode }[] }
  | { type: 'array'; range: TextRange; items: JsonNode[] }
  | { type: 'scalar'; range: TextRange }

/** A syntax error of JSON text: where the reader stopped and why. */
export interface JsonSyntaxError {
  offset: number
  message: string
}

/**
 * Reads JSON text (RFC 8259) into a tree of ranges, for pointing at a path inside it. Stops at the first syntax
 * error and returns it with its offset instead of the tree.
 */
export function parseJsonRanges(text: string): { node: JsonNode | null; error: JsonSyntaxError | null } {
  const reader = new RangeReader(text)
  try {
    const node = reader.value()
    reader.blank()
    if (reader.pos < text.length) reader.fail('unexpected text after the JSON value')
    return { node, error: null }
  } catch (error) {
    if (error instanceof JsonRangeError) return { node: null, error: { offset: error.offset, message: error.message } }
    throw error
  }
}

/**
 * Where path `at` (`['filters', '$and', 1, 'delay', '$gt']`) is in `text`: an object member from its key to the
 * end of its value, an array item, or the whole document for `[]`. When the path goes deeper than the text, the
 * deepest existing part is given with `exact: false`; null when the text is not JSON.
 */
export function locateJsonPath(
  text: string,
  at: readonly (string | number)[],
): { range: TextRange; exact: boolean } | null {
  const { node } = parseJsonRanges(text)
  if (node === null) return null
  let current = node
  let range = node.range
  for (const segment of at) {
    const member =
      current.type === 'object' && typeof segment === 'string'
        ? current.members.findLast((candidate) => candidate.key === segment)
        : undefined
    const item = current.type === 'array' && typeof segment === 'number' ? current.items[segment] : undefined
    if (member !== undefined) {
      range = { start: member.keyRange.start, end: member.value.range.end }
      current = member.value
    } else if (item !== undefined) {
      range = item.range
      current = item
    } else {
      return { range, exact: false }
    }
  }
  return { range, exact: true }
}

/**
 * Splits an engine issue path into segments: `filters.$and[1]["Flight No"].gt` →
 * `['filters', '$and', 1, 'Flight No', 'gt']` (the format of the engine's `QueryIssue.path`).
 */
export function parseIssuePath(path: string): (string | number)[] {
  const segments: (string | number)[] = []
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(Number(match[1]))
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string)
    else if (match[3] !== undefined) segments.push(match[3])
  }
  return segments
}

class JsonRangeError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message)
  }
}

class RangeReader {
  pos = 0
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new JsonRangeError(this.pos, message)
  }

  blank(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos]!)) this.pos += 1
  }

  value(): JsonNode {
    this.blank()
    const start = this.pos
    const ch = this.text[this.pos]
    if (ch === '{') return this.object(start)
    if (ch === '[') return this.array(start)
    if (ch === '"') {
      this.string()
      return { type: 'scalar', range: { start, end: this.pos } }
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(start))
    if (literal === null) this.fail(ch === undefined ? 'the JSON ends too early' : `unexpected ${JSON.stringify(ch)}`)
    this.pos += literal[0].length
    return { type: 'scalar', range: { start, end: this.pos } }
  }

  private object(start: number): JsonNode {
    this.pos += 1
    const members: { key: string; keyRange: TextRange; value: JsonNode }[] = []
    this.blank()
    if (this.text[this.pos] === '}') {
      this.pos += 1
      return { type: 'object', range: { start, end: this.pos }, members }
    }
    for (;;) {
      this.blank()
      const keyStart = this.pos
      if (this.text[this.pos] !== '"') this.fail('expected a "quoted" key')
      const key = this.string()
      const keyRange = { start: keyStart, end: this.pos }
      this.blank()
      if (this.text[this.pos] !== ':') this.fail('expected ":" after the key')
      this.pos += 1
      members.push({ key, keyRange, value: this.value() })
      if (this.separator('}')) return { type: 'object', range: { start, end: this.pos }, members }
    }
  }

  private array(start: number): JsonNode {
    this.pos += 1
    const items: JsonNode[] = []
    this.blank()
    if (this.text[this.pos] === ']') {
      this.pos += 1
      return { type: 'array', range: { start, end: this.pos }, items }
    }
    for (;;) {
      items.push(this.value())
      if (this.separator(']')) return { type: 'array', range: { start, end: this.pos }, items }
    }
  }

  /** Reads `,` (false: more follows) or the closing bracket (true). */
  private separator(close: string): boolean {
    this.blank()
    const ch = this.text[this.pos]
    if (ch === ',') {
      this.pos += 1
      return false
    }
    if (ch === close) {
      this.pos += 1
      return true
    }
    return this.fail(`expected "," or "${close}"`)
  }

  /** Reads a string literal: no raw control characters, only JSON's escapes (RFC 8259 §7). */
  private string(): string {
    const start = this.pos
    let i = start + 1
    while (i < this.text.length && this.text[i] !== '"') {
      const code = this.text.charCodeAt(i)
      if (code < 0x20) break
      if (this.text[i] !== '\\') i += 1
      else if (/^["\\/bfnrt]$/.test(this.text[i + 1] ?? '')) i += 2
      else if (/^u[0-9a-fA-F]{4}$/.test(this.text.slice(i + 1, i + 6))) i += 6
      else break
    }
    if (this.text[i] !== '"') {
      this.pos = i
      this.fail('unterminated or invalid string')
    }
    this.pos = i + 1
    return JSON.parse(this.text.slice(start, this.pos)) as string
  }
}
