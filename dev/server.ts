/**
 * `npm run dev`: PostgreSQL (DATABASE_URL or the embedded one), then the Next.js dev server with
 * the Payload admin and the demo site. The first request to /admin initialises Payload, which
 * pushes the schema and seeds the demo content.
 */
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import nextModule from 'next'

import { type Database, startDatabase } from './db.js'
import { endPayloadPool, guardScript } from './processGuard.js'
import { demoEditor, leadArticle } from './seed/content.js'

// `next` is CommonJS (module.exports = createServer) while its types declare an ES default export,
// so under NodeNext the default import is the function at runtime but typed as the namespace.
const next = nextModule as unknown as typeof nextModule.default

const dirname = path.dirname(fileURLToPath(import.meta.url))
const port = Number(process.env.PORT || 3000)
// Only this machine can reach the dev server (the loopback address) unless HOST says otherwise
// (HOST=0.0.0.0 for a LAN); printed as localhost, which browsers resolve to it.
const host = process.env.HOST || '127.0.0.1'
const origin = `http://${['0.0.0.0', '127.0.0.1', '::'].includes(host) ? 'localhost' : host}:${port}`
const startedAt = Date.now()
// A dev server ends only by a signal (shutdown) or an error: any other end is made loud.
const guard = guardScript('npm run dev')

// Assigned once each, below; shutdown() may run before any of them exists.
// eslint-disable-next-line prefer-const
let database: Database | undefined
// eslint-disable-next-line prefer-const
let app: ReturnType<typeof next> | undefined
// eslint-disable-next-line prefer-const
let server: ReturnType<typeof createServer> | undefined
let shutdownStartedAt: number | undefined

async function shutdown(signal: string): Promise<void> {
  if (shutdownStartedAt !== undefined) {
    // The terminal and npm both send a Ctrl-C; another one a second later means: stop now.
    if (Date.now() - shutdownStartedAt > 1_000) process.exit(130)
    return
  }
  shutdownStartedAt = Date.now()
  console.log(`\n[newsroom] ${signal}: stopping the dev server and PostgreSQL`)
  setTimeout(() => {
    console.error(
      `[newsroom] stopping took over 15 s; still open: ${process.getActiveResourcesInfo().join(', ')}`,
    )
    process.exit(1)
  }, 15_000).unref()
  const poolsClosed = closePayloadConnections()
  const serverClosed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server?.closeAllConnections()
  // A socket upgraded for hot reloading is not among the server's connections, and keeps
  // `close` waiting: after 3 s the server is left to the exit.
  await Promise.allSettled([
    Promise.race([serverClosed, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]),
    app?.close(),
    poolsClosed,
  ])
  await database?.stop().catch((error: unknown) => console.error('[newsroom] stopping PostgreSQL:', error))
  guard.finished()
  process.exit(0)
}
// Before anything starts, so a Ctrl-C during start-up also stops what has started. Not `once`: see
// the second signal above.
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

database = await startDatabase()
process.env.DATABASE_URL = database.url
console.log(`[newsroom] PostgreSQL ready at ${redactPassword(database.url)}`)

app = next({ dev: true, dir: dirname, hostname: host, port })
const handle = app.getRequestHandler()

try {
  await app.prepare()
} catch (error) {
  console.error('[newsroom] Next.js failed to start:', error)
  await database.stop()
  process.exit(1)
}

server = createServer((req, res) => {
  void handle(req, res)
})
// Hot reloading talks over a WebSocket; without this the browser's HMR connection keeps failing.
const upgrade = app.getUpgradeHandler()
server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head))

// A port in use: say so and end (the cluster stops with the process, see startDatabase).
server.on('error', (error) => {
  console.error(`[newsroom] the dev server cannot listen on ${host}:${port}: ${String(error)}`)
  process.exit(1)
})
server.listen(port, host, () => {
  console.log(`[newsroom] compiling /admin (the first start takes a minute or more) ...`)
  void warmUp()
})

/** Requests /admin once so Payload initialises (schema push, seed) before anyone logs in. */
async function warmUp(): Promise<void> {
  const admin = await request('/admin')
  await admin?.body?.cancel()
  if (!admin) {
    console.error(`[newsroom] ${origin}/admin did not answer; see the log above`)
    return
  }
  const slug = await leadArticleSlug()
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
  console.log(
    [
      '',
      `[newsroom] ready in ${seconds}s`,
      `  Admin:        ${origin}/admin`,
      `  Reader page:  ${origin}/articles/${slug ?? '<slug>'}`,
      `  Site:         ${origin}/`,
      `  Demo login:   ${demoEditor.email} / ${demoEditor.password}`,
      '',
    ].join('\n'),
  )
}

async function leadArticleSlug(): Promise<string | undefined> {
  const query = new URLSearchParams({
    depth: '0',
    limit: '1',
    'where[title][equals]': leadArticle.title,
  })
  const response = await request(`/api/articles?${query}`)
  if (!response) return undefined
  const body = (await response.json().catch(() => undefined)) as
    { docs?: Array<{ slug?: string }> } | undefined
  return body?.docs?.[0]?.slug
}

/** A GET that survives the long first compile: undici gives up on headers after 300 s. */
async function request(pathname: string, attempts = 3): Promise<Response | undefined> {
  for (let attempt = 1; attempt <= attempts && shutdownStartedAt === undefined; attempt++) {
    try {
      const response = await fetch(`${origin}${pathname}`, { redirect: 'manual' })
      if (response.status < 500) return response
      console.warn(`[newsroom] GET ${pathname} answered ${response.status} (attempt ${attempt})`)
    } catch (error) {
      console.warn(`[newsroom] GET ${pathname} failed (attempt ${attempt}): ${String(error)}`)
    }
  }
  return undefined
}

/**
 * Payload caches its instances on `globalThis._payload` (getPayload's HMR cache, shared with the
 * Next server in this process). Their pools are ended before PostgreSQL stops, and their idle
 * clients' errors are ignored: a Ctrl+C reaches PostgreSQL too, which then drops them
 * ("terminating connection due to administrator command").
 */
function closePayloadConnections(): Promise<unknown> {
  type Cached = { payload?: { db?: { pool?: Parameters<typeof endPayloadPool>[0] } } | null }
  const cache = (globalThis as { _payload?: Map<string, Cached> })._payload
  const pools = [...(cache?.values() ?? [])].flatMap((entry) => entry.payload?.db?.pool ?? [])
  return Promise.allSettled(pools.map((pool) => endPayloadPool(pool)))
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}
