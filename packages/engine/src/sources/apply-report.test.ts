import { describe, expect, it } from 'vitest'
import { EngineError } from '../api/contract/errors.js'
import { applyFailed, formatApplyReport } from './apply-report.js'
import type { SourceApplyResult } from './apply-sources.js'

const base = { fdw: 'mysql_fdw', location: 'db:3306/shop', changes: [], statements: [], ms: 12 }

describe('formatApplyReport', () => {
  it('prints a dry run as a diff per source and a summary', () => {
    const results: SourceApplyResult[] = [
      {
        ...base,
        name: 'shop',
        action: 'update',
        outcome: 'planned',
        changes: [`server option fetch_size: '100' → '10000'`, 'user mapping option password: changed'],
        statements: [
          `ALTER SERVER "shop" OPTIONS (SET "fetch_size" '10000')`,
          `ALTER USER MAPPING FOR CURRENT_USER SERVER "shop" OPTIONS (SET "password" '***')`,
        ],
      },
      { ...base, name: 'files', fdw: 'file_fdw', location: null, action: 'none', outcome: 'unchanged' },
      {
        ...base,
        name: 'old',
        action: 'remove',
        outcome: 'planned',
        statements: ['DROP SERVER IF EXISTS "old" CASCADE'],
      },
    ]
    expect(formatApplyReport({ dryRun: true, results })).toBe(
      [
        'Plan (dry run: nothing was changed):',
        '',
        '~ shop (mysql_fdw, db:3306/shop): update',
        `    server option fetch_size: '100' → '10000'`,
        '    user mapping option password: changed',
        `    ~ ALTER SERVER "shop" OPTIONS (SET "fetch_size" '10000');`,
        `    ~ ALTER USER MAPPING FOR CURRENT_USER SERVER "shop" OPTIONS (SET "password" '***');`,
        '= files (file_fdw): no changes',
        '- old (mysql_fdw, db:3306/shop): remove',
        '    - DROP SERVER IF EXISTS "old" CASCADE;',
        '',
        'Plan: 0 to create, 1 to update, 0 to rebuild, 1 to remove, 1 unchanged, 0 failed.',
      ].join('\n'),
    )
  })

  it('says "no changes" when the hub matches, and reports failures with their code', () => {
    const same: SourceApplyResult = { ...base, name: 'shop', action: 'none', outcome: 'unchanged' }
    expect(formatApplyReport({ dryRun: false, results: [same, { ...same, name: 'b' }] })).toBe(
      'no changes: the hub matches the config (2 sources)',
    )
    const failed: SourceApplyResult = {
      ...base,
      name: 'bad',
      action: 'create',
      outcome: 'failed',
      error: new EngineError('SOURCE_AUTH_FAILED', 'source "bad": db refused user "u"'),
    }
    const report = { dryRun: false, results: [same, failed] }
    expect(applyFailed(report)).toBe(true)
    expect(formatApplyReport(report)).toContain(
      '! bad (mysql_fdw, db:3306/shop): SOURCE_AUTH_FAILED: source "bad": db refused user "u"',
    )
    expect(formatApplyReport(report)).toMatch(
      /Result: 0 created, 0 updated, 0 rebuilt, 0 removed, 1 unchanged, 1 failed\.$/,
    )
  })
})
