import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

/**
 * Drizzle's handle on the request's open transaction, or the adapter's pool when there is none
 * (with read replicas configured, drizzle sends raw statements to the primary).
 */
export const drizzleFor = async (payload: Payload, req?: Partial<PayloadRequest>) => {
  const adapter = payload.db as unknown as PostgresAdapter
  if (adapter.name !== 'postgres') {
    throw new Error(`payload-newsroom needs @payloadcms/db-postgres, found the "${adapter.name}" adapter`)
  }
  const transactionID = req?.transactionID ? await req.transactionID : undefined
  return (transactionID !== undefined && adapter.sessions[transactionID]?.db) || adapter.drizzle
}
