/**
 * `npm run generate:types`: dev/payload-types.ts from the dev config. Calls Payload's
 * `generateTypes` directly instead of through its CLI, which sometimes exits 0 without writing
 * anything (payload#17757).
 */
import { generateTypes } from 'payload/node'

import config from './payload.config.js'

await generateTypes(await config)
process.exit(0)
