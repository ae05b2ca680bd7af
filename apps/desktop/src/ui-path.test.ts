import { describe, expect, it } from 'vitest'
import { resolveUiPath } from './ui-path.js'

describe('resolveUiPath', () => {
  it('maps idw://ui paths into the UI folder', () => {
    expect(resolveUiPath('/app/ui/dist', 'idw://ui/index.html')).toBe('/app/ui/dist/index.html')
    expect(resolveUiPath('/app/ui/dist', 'idw://ui/')).toBe('/app/ui/dist/index.html')
    expect(resolveUiPath('/app/ui/dist', 'idw://ui/assets/duckdb%20eh.wasm')).toBe('/app/ui/dist/assets/duckdb eh.wasm')
  })

  it('keeps dot segments inside the UI folder (the URL parser resolves them first)', () => {
    expect(resolveUiPath('/app/ui/dist', 'idw://ui/../secrets.txt')).toBe('/app/ui/dist/secrets.txt')
    expect(resolveUiPath('/app/ui/dist', 'idw://ui/%2e%2e/%2e%2e/etc/passwd')).toBe('/app/ui/dist/etc/passwd')
  })

  it('refuses encoded slashes that would leave the UI folder, other hosts and other schemes', () => {
    expect(resolveUiPath('/app/ui/dist', 'idw://ui/assets%2f..%2f..%2f..%2fetc%2fpasswd')).toBeNull()
    expect(resolveUiPath('/app/ui/dist', 'idw://other/index.html')).toBeNull()
    expect(resolveUiPath('/app/ui/dist', 'file:///etc/passwd')).toBeNull()
    expect(resolveUiPath('/app/ui/dist', 'idw://ui/%00')).toBeNull()
  })
})
