#!/usr/bin/env node
// `npx payload-newsroom import-wxr <file.xml> ...`: runs the importer inside Payload's own
// `payload run`, which loads the host's (TypeScript) config the way Payload's CLI does.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const args = process.argv.slice(2)
if (args[0] !== 'import-wxr') {
  console.error('Usage: npx payload-newsroom import-wxr <file.xml> [options] (see docs/importing.md)')
  process.exit(2)
}
const payloadRoot = path.resolve(path.dirname(fileURLToPath(import.meta.resolve('payload'))), '..')
const cli = fileURLToPath(new URL('../dist/importer/cli.js', import.meta.url))
const scratch = mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-'))
const done = path.join(scratch, 'done')
// Lexical's Node entry can leave its import unsettled on Node 20 (docs/silent-exits.md).
const condition = `--conditions=${process.env.NODE_ENV === 'production' ? 'production' : 'development'}`
const nodeOptions = process.env.NODE_OPTIONS ?? ''
const result = spawnSync(process.execPath, [path.join(payloadRoot, 'bin.js'), 'run', cli], {
  env: {
    ...process.env,
    NEWSROOM_IMPORT_ARGV: JSON.stringify(args),
    NEWSROOM_IMPORT_DONE: done,
    NODE_OPTIONS: nodeOptions.includes('--conditions=') ? nodeOptions : `${nodeOptions} ${condition}`.trim(),
  },
  stdio: 'inherit',
})
const finished = existsSync(done)
rmSync(scratch, { force: true, recursive: true })
if (result.status !== 0) process.exit(result.status ?? 1)
if (!finished) {
  console.error(
    'payload-newsroom: the import stopped before it finished (an exit without a word, payload#16381)',
  )
  process.exit(1)
}
