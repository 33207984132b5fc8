import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction } from 'payload'

import type { ID } from '../idOf.js'

import { DEFAULT_READER_LOCALE } from '../i18n/readerTexts.js'
import {
  isConnectionError,
  replicasOf,
  warnReplicaFallback,
  withinReplicaTimeout,
} from '../postgres/replicas.js'
import { hasOnlyPluginReadHooks } from './directReads.js'
import { newsroomOptions } from './pluginOptions.js'

export type Doc = Record<string, any> & { id: ID }

/** The one id of a `where` that names nothing but `{ id: { in: [id] } }`. */
const onlyID = (where: unknown): ID | undefined => {
  const { id, ...rest } = (where ?? {}) as { id?: { in?: unknown } }
  const ids = id && Object.keys(id).length === 1 ? id.in : undefined
  return Array.isArray(ids) && ids.length === 1 && !Object.keys(rest).length ? (ids[0] as ID) : undefined
}

/**
 * `payload.find` for collections chosen at run time: a host's generated types narrow each
 * collection's arguments, which code that works for any configured slug cannot name.
 * A read of one id is a `findByID` when every read hook of the collection is the plugin's (a
 * host's hook sees `find` and `findByID` differently): Payload checks a `where` against the field
 * permissions of the whole collection first, which a read by id does not need. Read access is
 * then asked with the id, as Payload asks it for any read by id.
 * With read replicas (db-postgres `readReplicas`) Payload reads from one; a `primary` read (an
 * editor's draft, which must show what was just saved) and a read whose replica cannot be
 * reached go to the primary, inside a transaction, the one way to send Payload's reads there.
 */
export const findDocs = async (
  payload: Payload,
  args: Record<string, unknown>,
  { primary = false }: { primary?: boolean } = {},
): Promise<Doc[]> => {
  const single = onlyID(args.where)
  const id =
    single !== undefined && hasOnlyPluginReadHooks(payload, String(args.collection)) ? single : undefined
  const find = async (extra: Record<string, unknown> = {}): Promise<Doc[]> => {
    if (id === undefined)
      return (await payload.find({ ...args, ...extra } as unknown as Parameters<Payload['find']>[0]))
        .docs as unknown as Doc[]
    const { limit: _limit, pagination: _pagination, sort: _sort, where: _where, ...byID } = args
    const doc = await payload.findByID({
      ...byID,
      ...extra,
      disableErrors: true,
      id,
    } as unknown as Parameters<Payload['findByID']>[0])
    return doc ? [doc as unknown as Doc] : []
  }
  if (!replicasOf(payload).length) return find()
  if (!primary) {
    try {
      return await withinReplicaTimeout(find())
    } catch (error) {
      if (!isConnectionError(error)) throw error
      // The whole find runs again, with the collection's afterRead hooks.
      warnReplicaFallback(payload, error)
    }
  }
  const caller = args.req as PayloadRequest | undefined
  const req = await createLocalReq(
    {
      req: caller ? { headers: caller.headers } : undefined,
      user: (args.user as PayloadRequest['user']) ?? undefined,
    },
    payload,
  )
  await initTransaction(req)
  try {
    return await find({ req })
  } finally {
    await commitTransaction(req)
  }
}

/**
 * The reader's locale and the Local API options every delivery read shares. A locale the site
 * does not know reads the default one (it is data, not a key). Reads apply the caller's access
 * (`overrideAccess: false`); `disableErrors`: a collection the caller may not read (a private
 * media library) yields nothing. Every read is bounded by known ids, so it needs no page size and
 * no count. The request is a server-side one that carries the caller's headers, so access rules
 * that read them (API keys) see them, while the reads stay the plugin's own.
 */
export const readerReads = async (
  payload: Payload,
  caller: { locale?: string; req?: PayloadRequest; user?: null | PayloadRequest['user'] },
) => {
  const options = newsroomOptions(payload)
  const localization = payload.config.localization
  const defaultLocale = localization ? localization.defaultLocale : DEFAULT_READER_LOCALE
  const locale =
    caller.locale && options.readerLocaleOf(caller.locale) === caller.locale ? caller.locale : defaultLocale
  const { req } = caller
  const readAs = {
    depth: 0,
    disableErrors: true,
    locale,
    overrideAccess: false,
    pagination: false,
    req: req ? await createLocalReq({ req: { headers: req.headers } }, payload) : undefined,
    user: caller.user ?? req?.user ?? null,
  } as const
  return { locale, options, readAs }
}
