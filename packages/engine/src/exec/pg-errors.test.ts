import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { EngineError } from '../api/contract/errors.js'
import { toEngineError, type FailureContext } from './pg-errors.js'

function dbError(code: string, message: string, fields: { position?: string; hint?: string } = {}): pg.DatabaseError {
  const err = new pg.DatabaseError(message, message.length, 'error')
  err.code = code
  err.position = fields.position
  err.hint = fields.hint
  return err
}

const context = (overrides: Partial<FailureContext> = {}): FailureContext => ({
  sql: 'SELECT nope FROM t',
  prefixLength: 15,
  canceledByUs: false,
  timeoutMs: 1000,
  ...overrides,
})

describe('toEngineError', () => {
  it('moves the position into the user SQL and keeps sqlstate and hint', () => {
    const err = toEngineError(
      dbError('42703', 'column "nope" does not exist', { position: '23', hint: 'try x' }),
      context(),
    )
    expect(err.toBody()).toEqual({
      code: 'HUB_QUERY_FAILED',
      message: 'column "nope" does not exist',
      detail: { sqlstate: '42703', position: 8, hint: 'try x' },
    })
  })

  it('drops a position that points into the wrapper', () => {
    const before = toEngineError(dbError('42601', 'syntax error', { position: '3' }), context())
    const after = toEngineError(dbError('42601', 'syntax error', { position: '60' }), context())
    expect([before.detail, after.detail]).toEqual([{ sqlstate: '42601' }, { sqlstate: '42601' }])
  })

  it('tells a user cancel from a statement timeout', () => {
    const timeout = dbError('57014', 'canceling statement due to statement timeout')
    expect(toEngineError(timeout, context()).detail).toEqual({ reason: 'statement_timeout', sqlstate: '57014' })
    expect(toEngineError(timeout, context({ canceledByUs: true })).detail).toEqual({
      reason: 'user',
      sqlstate: '57014',
    })
    const byUser = dbError('57014', 'canceling statement due to user request')
    expect(toEngineError(byUser, context()).code).toBe('QUERY_CANCELED')
    expect(toEngineError(byUser, context()).detail?.reason).toBe('user')
  })

  it('maps read-only violations and unavailable hubs', () => {
    const readOnly = dbError('25006', 'cannot execute INSERT in a read-only transaction')
    expect(toEngineError(readOnly, context()).code).toBe('QUERY_NOT_READ_ONLY')
    expect(toEngineError(dbError('57P03', 'the database system is starting up'), context()).code).toBe(
      'HUB_UNAVAILABLE',
    )
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
    expect(toEngineError(refused, context()).code).toBe('HUB_UNAVAILABLE')
    expect(toEngineError(new Error('Connection terminated unexpectedly'), context()).code).toBe('HUB_UNAVAILABLE')
  })

  it('passes engine errors through and hides anything else behind INTERNAL', () => {
    const own = new EngineError('BAD_INPUT', 'x')
    expect(toEngineError(own, context())).toBe(own)
    const bug = toEngineError(new TypeError('boom'), context())
    expect([bug.code, bug.message, bug.cause instanceof TypeError]).toEqual([
      'INTERNAL',
      'the query failed in the engine',
      true,
    ])
  })
})
