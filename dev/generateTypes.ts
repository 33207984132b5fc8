/**
 * `npm run generate:types`: dev/payload-types.ts from the dev config, through Payload's
 * `generateTypes` (its CLI does the same behind a TypeScript loader). The config is imported after
 * the guard, so an import that never settles ends the script loudly (docs/silent-exits.md).
 */
import { generateTypes } from 'payload/node'

import { guardScript } from './processGuard.js'

const guard = guardScript('npm run generate:types')
// `-- --out <file>` writes elsewhere (the stress check of this script).
const outIndex = process.argv.indexOf('--out')
const { default: config } = await import('./payload.config.js')
const sanitized = await config
await generateTypes(
  outIndex === -1
    ? sanitized
    : { ...sanitized, typescript: { ...sanitized.typescript, outputFile: process.argv[outIndex + 1]! } },
)
guard.finished()
