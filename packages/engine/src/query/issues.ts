import { EngineError } from '../api/contract/errors.js'

/** One step of a path into the select spec: an object key or an array index. */
export type PathSegment = string | number

/** One problem found in a select spec: where (`filters.$and[1].delay.$gt`) and what. */
export interface QueryIssue {
  readonly path: string
  /** The same path as segments, for a UI that points at the faulty filter field. */
  readonly at: readonly PathSegment[]
  readonly message: string
}

/** Issues kept per request; enough to show every mistake of a hand-written filter, bounded for hostile input. */
const MAX_ISSUES = 50
const ISSUES_IN_MESSAGE = 3

/**
 * Collects every problem of a select spec, so a user fixes them all in one round; `throwIfAny` turns them
 * into one `BAD_INPUT` error.
 */
export class IssueList {
  readonly #issues: QueryIssue[] = []
  #dropped = 0

  add(at: readonly PathSegment[], message: string): void {
    if (this.#issues.length >= MAX_ISSUES) {
      this.#dropped += 1
      return
    }
    this.#issues.push(Object.freeze({ path: formatPath(at), at: Object.freeze([...at]), message }))
  }

  /**
   * @throws EngineError `BAD_INPUT` when any issue was added: the message names the first three
   * (`filters.delay.gt: "abc" is not an integer; …`), `detail.path` is the first issue's path and
   * `detail.issues` lists up to 50 issues (`detail.truncated` when more were found).
   */
  throwIfAny(): void {
    if (this.#issues.length > 0) throw this.toError()
  }

  /** The `BAD_INPUT` error `throwIfAny` throws; for a caller that has just added an issue. */
  toError(): EngineError {
    const total = this.#issues.length + this.#dropped
    const shown = this.#issues
      .slice(0, ISSUES_IN_MESSAGE)
      .map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`))
    const more = total > ISSUES_IN_MESSAGE ? `; and ${total - ISSUES_IN_MESSAGE} more` : ''
    const message = total === 1 ? shown.join('') : `${total} problems in the query: ${shown.join('; ')}${more}`
    const detail: Record<string, unknown> = { path: this.#issues[0]?.path ?? '', issues: [...this.#issues] }
    if (this.#dropped > 0) detail.truncated = true
    return new EngineError('BAD_INPUT', message, detail)
  }
}

/** Deepest path accepted (segments), so a hostile filter cannot exhaust the stack of the recursive parser. */
const MAX_DEPTH = 64

/** Adds an issue and returns true when `at` is nested deeper than the parser accepts. */
export function isTooDeep(at: readonly PathSegment[], issues: IssueList): boolean {
  if (at.length <= MAX_DEPTH) return false
  issues.add(at.slice(0, MAX_DEPTH), `the filter is nested deeper than ${MAX_DEPTH} levels`)
  return true
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** `['filters', '$and', 1, 'Flight No', 'gt']` → `filters.$and[1]["Flight No"].gt`. */
function formatPath(at: readonly PathSegment[]): string {
  return at
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`
      if (!PLAIN_KEY.test(segment)) return `[${JSON.stringify(segment)}]`
      return i === 0 ? segment : `.${segment}`
    })
    .join('')
}
