import type { TestProject } from 'vitest/node'

import { startEmbeddedPostgres } from '../helpers/embeddedPostgres.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL (no database name) the test files create their own databases on. */
    postgresServerUrl: string
  }
}

/**
 * Uses `DATABASE_URL` when set (its database part is ignored: every test file creates its
 * own), otherwise starts one embedded PostgreSQL for the whole run in a temporary folder.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = '/'
    project.provide('postgresServerUrl', url.toString())
    return
  }
  const postgres = await startEmbeddedPostgres()
  project.provide('postgresServerUrl', postgres.serverUrl)
  return postgres.stop
}
