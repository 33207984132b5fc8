import type { SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import { runInTurn } from './inTurn.js'
import { drizzleFor } from './transaction.js'

type Drizzle = Awaited<ReturnType<typeof drizzleFor>>

/** A read a save must pass before it writes; `verify` refuses the save on what it returned. */
export type PendingCheck = { statement: SQL; verify: (rows: unknown[]) => void }

// Keyed by the `originalDoc` object Payload hands every beforeChange hook of one save (a create
// gets an empty one): each save has its own list, even when saves share a request.
const pendingBySave = new WeakMap<object, PendingCheck[]>()

/**
 * Leaves `check` for the save's next round trip (`runWithPendingChecks`); `runPendingChecks`, the
 * last of the plugin's beforeChange hooks, runs any left. False when the save has no key: then
 * the caller runs the check itself.
 */
export const deferCheck = (save: unknown, check: PendingCheck): boolean => {
  if (!save || typeof save !== 'object') return false
  const list = pendingBySave.get(save) ?? []
  list.push(check)
  pendingBySave.set(save, list)
  return true
}

/**
 * Runs `statements` in one round trip (runInTurn) behind the save's pending checks, verifies
 * those (which may refuse the save) and returns the statements' results.
 */
export const runWithPendingChecks = async (
  db: Drizzle,
  save: unknown,
  ...statements: SQL[]
): Promise<{ rows: unknown[] }[]> => {
  const checks = save && typeof save === 'object' ? (pendingBySave.get(save) ?? []) : []
  if (checks.length) pendingBySave.delete(save as object)
  const results = await runInTurn(db, ...checks.map((check) => check.statement), ...statements)
  checks.forEach((check, index) => check.verify(results[index]!.rows))
  return results.slice(checks.length)
}

/** Runs the checks of a save that no round trip took along. */
export const runPendingChecks = async (req: PayloadRequest, save: unknown): Promise<void> => {
  if (!save || typeof save !== 'object' || !pendingBySave.get(save)?.length) return
  await runWithPendingChecks(await drizzleFor(req.payload, req), save)
}

/**
 * A round trip a save sends before the hook that needs its answer (startUniqueSlug,
 * startNotesLock), which awaits it. A save refused in between leaves it: its rejection must not go
 * unhandled, and a database error (a refusal is the save's to answer) is logged, since it would
 * otherwise surface only as an aborted transaction in a later statement.
 */
export const sentEarly = <T>(req: PayloadRequest, answer: Promise<T>, what: string): Promise<T> => {
  answer.catch((error: unknown) => {
    if (!(error instanceof ValidationError))
      req.payload.logger.error({ err: error, msg: `payload-newsroom: the early ${what} failed` })
  })
  return answer
}
