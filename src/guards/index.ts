import type { CollectionConfig } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { answerDataErrorsAsBadRequest } from './databaseErrors.js'
import { refuseDeepNesting } from './nesting.js'
import { refuseNulBytes } from './nulBytes.js'
import { clampPageSize } from './pageSize.js'
import { refuseHiddenQueries } from './queryParams.js'
import { refuseUnknownRelations } from './relationsExist.js'
import { serverTimestamps } from './serverTimestamps.js'
import { refuseOversizedText } from './textLength.js'
import { refuseMisshapenValues } from './valueShapes.js'

type Hooks = NonNullable<CollectionConfig['hooks']>

/**
 * The input guards every plugin collection runs before its own rules: page sizes and query
 * parameters of reads; the shape, size and references of saved values; server-owned timestamps;
 * and, after an error, a database's refusal of a value in a read as a 400.
 */
export const guardHooks = (
  options: ResolvedOptions,
  { deferReferenceChecks = false }: { deferReferenceChecks?: boolean } = {},
): Required<Pick<Hooks, 'afterError' | 'beforeChange' | 'beforeOperation'>> => ({
  afterError: [answerDataErrorsAsBadRequest],
  beforeChange: [
    serverTimestamps(options.isEditor),
    refuseNulBytes,
    refuseOversizedText,
    refuseUnknownRelations({ defer: deferReferenceChecks }),
  ],
  beforeOperation: [
    clampPageSize(options.maxLimit),
    refuseHiddenQueries,
    refuseDeepNesting,
    refuseMisshapenValues,
  ],
})
