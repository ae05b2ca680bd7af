import { describe, expect, it } from 'vitest'
import { analyzePlan } from './analyze-plan.js'
import { fixtureManifest, fixtureRelations, fixtureText } from './fixtures/fixture-files.js'
import { ExplainAnalysis } from '../api/contract/plan.js'

describe('analyzePlan', () => {
  const files = fixtureManifest().flatMap((entry) => entry.files.map((file) => [entry.hub, file] as const))

  it('answers the ExplainAnalysis shape for every captured plan, JSON and text', () => {
    expect(files.length).toBeGreaterThan(200)
    for (const [hub, file] of files) {
      const raw = file.endsWith('.json') ? JSON.parse(fixtureText(file)) : fixtureText(file)
      const answer = analyzePlan(raw, { relations: fixtureRelations(hub) })
      const parsed = ExplainAnalysis.safeParse(JSON.parse(JSON.stringify(answer)))
      expect(parsed.success, file).toBe(true)
      expect(
        answer.foreignScans.every((scan) => scan.server !== null && scan.fdw !== null),
        file,
      ).toBe(true)
    }
  })

  it('reports every Foreign Scan node of the plan', () => {
    const answer = analyzePlan(fixtureText('pg15/cross-source.analyze.txt'), { relations: fixtureRelations('pg15') })
    expect(answer.foreignScans.map((scan) => [scan.nodeId, scan.server])).toEqual([
      [5, 'files'],
      [9, 'remote_pg'],
      [11, 'remote_pg'],
    ])
  })
})
