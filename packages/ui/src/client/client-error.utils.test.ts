import { describe, expect, it } from 'vitest'
import { EngineClientError } from './client-error'
import { errorFromHttpBody, isAbortError, toClientError } from './client-error.utils'

describe('errorFromHttpBody', () => {
  it('keeps code, message and detail of an API error body', () => {
    const body = JSON.stringify({
      error: {
        code: 'HUB_QUERY_FAILED',
        message: 'column "x" does not exist',
        detail: { sqlstate: '42703', position: 8 },
      },
    })
    const error = errorFromHttpBody(422, 'Unprocessable Entity', body)
    expect(error).toBeInstanceOf(EngineClientError)
    expect(error.code).toBe('HUB_QUERY_FAILED')
    expect(error.message).toBe('column "x" does not exist')
    expect(error.detail).toEqual({ sqlstate: '42703', position: 8 })
  })

  it('reports BAD_RESPONSE with the status when the body is not an API error', () => {
    const error = errorFromHttpBody(502, 'Bad Gateway', '<html>proxy error</html>')
    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.message).toContain('HTTP 502 Bad Gateway')
    expect(error.detail).toEqual({ status: 502 })
  })

  it('reports BAD_RESPONSE for an empty body', () => {
    expect(errorFromHttpBody(500, '', '').message).toContain('HTTP 500 without')
  })
})

describe('toClientError', () => {
  it('keeps an error body rejected by the Electron bridge', () => {
    const error = toClientError({ code: 'NOT_FOUND', message: 'no export job "j1"', detail: { jobId: 'j1' } })
    expect([error.code, error.message, error.detail]).toEqual(['NOT_FOUND', 'no export job "j1"', { jobId: 'j1' }])
  })

  it('passes an EngineClientError through unchanged', () => {
    const original = new EngineClientError('QUERY_CANCELED', 'canceled')
    expect(toClientError(original)).toBe(original)
  })

  it('turns a network failure into TRANSPORT_FAILED', () => {
    const error = toClientError(new TypeError('Failed to fetch'))
    expect(error.code).toBe('TRANSPORT_FAILED')
    expect(error.message).toBe('Could not reach the workbench engine: Failed to fetch')
  })
})

describe('isAbortError', () => {
  it('recognises an AbortError by name only', () => {
    expect(isAbortError(new DOMException('aborted', 'AbortError'))).toBe(true)
    expect(isAbortError(new Error('aborted'))).toBe(false)
    expect(isAbortError(null)).toBe(false)
  })
})
