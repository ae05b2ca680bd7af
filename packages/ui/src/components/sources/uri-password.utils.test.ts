import { describe, expect, it } from 'vitest'
import { decodePercent, passwordFromUri } from './uri-password.utils'

describe('password of a pasted URI', () => {
  it('decodes a percent-encoded password with special characters', () => {
    expect(passwordFromUri('mysql://reader:p%40ss%23w%3Ard%2F%3F@127.0.0.1:3306/shop')).toBe('p@ss#w:rd/?')
  })

  it('reads a password pasted without encoding whole (the user info ends at the last @ before host and /)', () => {
    expect(passwordFromUri('mysql://reader:p@ss#w:rd/?@127.0.0.1:3306/shop')).toBe('p@ss#w:rd/?')
    expect(passwordFromUri('postgresql://ana:50%off@db.example.com/crm')).toBe('50%off')
  })

  it('keeps ${NAME} references and lets a password= parameter win', () => {
    expect(passwordFromUri('mysql://reader:${SHOP_PASS}@10.0.0.7:3306/shop')).toBe('${SHOP_PASS}')
    expect(passwordFromUri('postgresql://ana:old@db/crm?password=n%26w&password=l%40st')).toBe('l@st')
    expect(passwordFromUri('postgresql://db/crm?schema=s&password=x')).toBe('x')
  })

  it('answers null without a password, for file URIs and for text that is no URI', () => {
    expect(passwordFromUri('mysql://reader@127.0.0.1/shop')).toBeNull()
    expect(passwordFromUri('mysql://127.0.0.1/shop?x=a@b')).toBeNull()
    expect(passwordFromUri('file:///data/orders.csv?password=x')).toBeNull()
    expect(passwordFromUri('not a uri')).toBeNull()
  })

  it('decodes valid %XX runs only', () => {
    expect(decodePercent('a%20b%zz%e2%82%ac%')).toBe('a b%zz€%')
  })
})
