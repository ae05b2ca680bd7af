import type { z } from 'zod'
import type { IssueList, PathSegment } from './issues.js'

/**
 * Adds the issues of a failed zod parse to `issues`, keeping precise paths: a union error is replaced by
 * the errors of the one branch whose type matched (so `order_by[1].direction` is reported rather than "order_by
 * is invalid"), and an unknown-keys error becomes one issue per key.
 */
export function addZodIssues(error: z.ZodError, at: readonly PathSegment[], issues: IssueList): void {
  for (const issue of error.issues) addIssue(issue, at, issues)
}

function addIssue(issue: z.core.$ZodIssue, at: readonly PathSegment[], issues: IssueList): void {
  const path = [...at, ...issue.path.map(toSegment)]
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) issues.add([...path, key], issue.message)
    return
  }
  if (issue.code === 'invalid_union') {
    const matched = issue.errors.filter((branch) => !isTypeMismatch(branch))
    const [branch] = matched
    if (matched.length === 1 && branch !== undefined) {
      for (const inner of branch) addIssue(inner, path, issues)
      return
    }
  }
  issues.add(path, issue.message)
}

/** True when a union branch failed only because the value is not of its type at all. */
function isTypeMismatch(branch: readonly z.core.$ZodIssue[]): boolean {
  return branch.every(
    (issue) =>
      issue.path.length === 0 &&
      (issue.code === 'invalid_type' || (issue.code === 'invalid_union' && issue.errors.every(isTypeMismatch))),
  )
}

function toSegment(key: PropertyKey): PathSegment {
  return typeof key === 'number' ? key : String(key)
}
