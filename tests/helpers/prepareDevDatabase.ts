/**
 * `tsx tests/helpers/prepareDevDatabase.ts` with DATABASE_URL set: pushes the dev app's schema and
 * seeds its demo content, as `npm run dev` does on first start. A production build (`next start`)
 * never pushes, so the benchmark and the load tests prepare its database with this first.
 */
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { getPayload, type SanitizedConfig } from 'payload'

if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to the database to prepare')
// Imported by URL, so the root typecheck does not pull in the dev app's generated types.
const configFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dev/payload.config.ts')
const { default: config } = (await import(pathToFileURL(configFile).href)) as {
  default: Promise<SanitizedConfig>
}
const payload = await getPayload({ config })
await payload.destroy()
// Payload's job scheduler keeps the event loop alive after destroy().
process.exit(0)
