import { inject } from 'vitest'

/** libpq URI of the hub integration tests run against (a superuser connection to database `postgres`). */
export function testHubUrl(): string {
  return inject('hubUrl')
}
