import { describe, expect, it } from 'vitest'
import { EnvReferenceError, maskReferences, resolveReferences, unmask } from './env-substitution.js'

const env = { PG_USER: 'reader', EMPTY: '', PASS: 'p@ss:w/rd' }

/** Masks then resolves a whole text, as the config parser does per scalar. */
function substitute(text: string, encode?: (v: string) => string): string {
  const masked = maskReferences(text)
  return resolveReferences(masked.text, masked.references, env, encode).text
}

function thrown(fn: () => unknown): EnvReferenceError {
  try {
    fn()
  } catch (err) {
    if (err instanceof EnvReferenceError) return err
  }
  throw new Error('expected an EnvReferenceError')
}

describe('${ENV} substitution', () => {
  it('replaces ${NAME} with the variable', () => {
    expect(substitute('user=${PG_USER}')).toBe('user=reader')
  })

  it('uses the :- default when the variable is unset or empty, like a shell', () => {
    expect(substitute('${MISSING:-5432}')).toBe('5432')
    expect(substitute('${EMPTY:-fallback}')).toBe('fallback')
    expect(substitute('${PG_USER:-other}')).toBe('reader')
    expect(substitute('${MISSING:-}')).toBe('')
  })

  it('keeps an empty variable without default as empty', () => {
    expect(substitute('[${EMPTY}]')).toBe('[]')
  })

  it('leaves text without references alone', () => {
    const masked = maskReferences('plain $HOME text')
    expect(masked).toEqual({ text: 'plain $HOME text', references: [] })
    expect(resolveReferences(masked.text, [], env)).toEqual({ text: 'plain $HOME text', substituted: false })
  })

  it('masks with placeholders of the same length, so offsets in the text stay valid', () => {
    const masked = maskReferences('a: { user: ${PG_USER}, port: ${PORT:-5432} }')
    expect(masked.text).toHaveLength('a: { user: ${PG_USER}, port: ${PORT:-5432} }'.length)
    expect(masked.text).not.toContain('$')
    expect(masked.references).toEqual([
      { index: 11, length: 10, name: 'PG_USER' },
      { index: 29, length: 13, name: 'PORT', fallback: '5432' },
    ])
    expect(unmask(masked.text, masked.references)).toBe('a: { user: ${PG_USER}, port: ${PORT:-5432} }')
  })

  it('encodes substituted values only, e.g. percent-encoding inside a URI', () => {
    expect(substitute('mysql://u:${PASS}@h/db', encodeURIComponent)).toBe('mysql://u:p%40ss%3Aw%2Frd@h/db')
  })

  it('names an unset variable and gives the offset of its reference', () => {
    const masked = maskReferences('host: ${PG_HOST}')
    const error = thrown(() => resolveReferences(masked.text, masked.references, env))
    expect(error.message).toBe('environment variable PG_HOST is not set')
    expect(error.index).toBe(6)
  })

  it('rejects malformed and unterminated references', () => {
    expect(thrown(() => maskReferences('x: ${1BAD}')).message).toMatch(/^malformed reference \$\{1BAD\}/)
    expect(thrown(() => maskReferences('x: ${1BAD}')).index).toBe(3)
    expect(thrown(() => maskReferences('x ${PG_USER')).message).toMatch(/unterminated/)
  })
})
