import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    hubUrl: string
  }
}

/** Provides the hub URL integration tests connect to: `IDW_TEST_HUB_URL`, or the machine's PostgreSQL. */
export default function setup(project: TestProject): void {
  project.provide('hubUrl', process.env.IDW_TEST_HUB_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
}
