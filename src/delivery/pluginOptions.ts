import type { Payload } from 'payload'

import type { ResolvedOptions } from '../options.js'

/** Where the plugin leaves its resolved options for code that only has `payload` at hand. */
export const OPTIONS_KEY = 'newsroom'

export const newsroomOptions = (payload: Payload): ResolvedOptions => {
  const options = (payload.config.custom as Record<string, unknown> | undefined)?.[OPTIONS_KEY]
  if (!options) throw new Error('payload-newsroom: newsroomPlugin() is not in this Payload config')
  return options as ResolvedOptions
}
