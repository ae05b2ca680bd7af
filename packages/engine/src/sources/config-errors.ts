import type { Document } from 'yaml'
import type { z } from 'zod'
import { EngineError } from '../api/contract/errors.js'
import { locateNode } from './yaml-locate.js'

/** Points errors at `file:line:column` (1-based) of the original text. */
export class ConfigErrors {
  constructor(
    readonly file: string,
    readonly text: string,
    readonly doc: Document,
  ) {}

  at(offset: number, message: string, path?: ReadonlyArray<PropertyKey>): EngineError {
    const before = this.text.slice(0, offset)
    const line = before.split('\n').length
    const column = offset - (before.lastIndexOf('\n') + 1) + 1
    const where = path && path.length > 0 ? { path: path.map(String).join('.') } : {}
    return new EngineError('CONFIG_INVALID', `${this.file}:${line}:${column}: ${message}`, {
      file: this.file,
      line,
      column,
      ...where,
    })
  }

  atPath(path: ReadonlyArray<PropertyKey>, message: string, key?: string): EngineError {
    return this.at(locateNode(this.doc, path, key)?.range?.[0] ?? 0, message, key === undefined ? path : [...path, key])
  }

  fromZod(prefix: ReadonlyArray<PropertyKey>, error: z.ZodError): EngineError {
    const issue = error.issues[0]
    if (!issue) return this.atPath(prefix, 'invalid')
    const path = [...prefix, ...issue.path]
    if (issue.code === 'unrecognized_keys') {
      return this.atPath(
        path,
        `unknown key "${issue.keys[0]}"${path.length ? ` in ${path.map(String).join('.')}` : ''}`,
        issue.keys[0],
      )
    }
    return this.atPath(path, `${path.length ? `${path.map(String).join('.')}: ` : ''}${issue.message}`)
  }
}
