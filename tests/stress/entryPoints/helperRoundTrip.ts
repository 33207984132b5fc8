/**
 * The test helpers' life cycle in a process of its own, as the issue's reproduction ran it: an
 * embedded PostgreSQL, Payload with the plugin (payload, db-postgres, richtext-lexical), one
 * article, then everything stopped. Prints `created <slug>` and exits by itself.
 */
import { guardScript } from '../../../dev/processGuard.js'

const guard = guardScript('the helpers round trip')
const { startEmbeddedPostgres } = await import('../../helpers/embeddedPostgres.js')
const { createDatabaseOn, startPayloadOn } = await import('../../helpers/instance.js')
const postgres = await startEmbeddedPostgres()
const ctx = await startPayloadOn(await createDatabaseOn(postgres.serverUrl))
const article = await ctx.payload.create({
  collection: 'articles',
  data: { title: 'Ein Artikel aus dem Prozess' },
  draft: true,
})
await ctx.stop()
await postgres.stop()
console.log(`created ${String(article.slug)}`)
guard.finished()
