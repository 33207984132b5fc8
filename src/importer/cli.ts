import type { Payload } from 'payload'

import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'

import { type ImportReport, runImport, type RunImportArgs } from './runImport.js'

export const USAGE = `Usage: npx payload-newsroom import-wxr <file.xml> [--dry-run] [--since <date>]
         [--authors create|<map.csv>] [--media <uploads folder>] [--no-fetch]
         [--locale <code>] [--report <file.json>]`

/** `login,slug` lines (a header line is skipped): which author each WordPress user becomes. */
export const parseAuthorMap = (csv: string): Record<string, string> =>
  Object.fromEntries(
    csv
      .split(/\r?\n/)
      .map((line) => line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '')))
      .filter(([login, slug]) => login && slug && !(login === 'login' && slug === 'slug')),
  )

/** What the command line asks for, or a message saying what is wrong with it. */
export const parseCommand = async (
  argv: string[],
): Promise<{ error: string } | { report: string; run: Omit<RunImportArgs, 'onProgress' | 'payload'> }> => {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      args: argv,
      options: {
        authors: { type: 'string' },
        'dry-run': { type: 'boolean' },
        locale: { type: 'string' },
        media: { type: 'string' },
        'no-fetch': { type: 'boolean' },
        report: { type: 'string' },
        since: { type: 'string' },
      },
    })
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
  const { positionals, values } = parsed
  if (positionals[0] !== 'import-wxr' || !positionals[1] || positionals.length > 2) return { error: USAGE }
  const since = values.since === undefined ? undefined : new Date(values.since)
  if (since && Number.isNaN(since.getTime())) return { error: `--since: not a date: ${values.since}` }
  let authors: RunImportArgs['authors'] = 'create'
  if (values.authors && values.authors !== 'create') {
    const csv = await readFile(values.authors, 'utf8').catch(() => null)
    if (csv === null) return { error: `--authors: cannot read ${values.authors}` }
    authors = parseAuthorMap(csv)
  }
  return {
    report: values.report ?? 'import-report.json',
    run: {
      authors,
      dryRun: values['dry-run'] ?? false,
      fetchImages: !values['no-fetch'],
      file: positionals[1],
      locale: values.locale,
      media: values.media,
      since,
    },
  }
}

/** A progress bar on a terminal; elsewhere a plain line every tenth. */
export const progressPrinter = (stream: NodeJS.WriteStream) => {
  let lastTenth = -1
  return ({ done, total }: { done: number; total: number }) => {
    if (stream.isTTY) {
      const width = 30
      const filled = total ? Math.round((done / total) * width) : width
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} posts`)
      if (done === total) stream.write('\n')
      return
    }
    const tenth = total ? Math.floor((done / total) * 10) : 10
    if (tenth !== lastTenth || done === total) {
      lastTenth = tenth
      stream.write(`${done}/${total} posts\n`)
    }
  }
}

/** The report as people read it: the counts, then every entry that has a reason or notes. */
export const formatReport = (report: ImportReport): string => {
  const lines = [
    `${report.dryRun ? 'Dry run (nothing stored): ' : ''}` +
      Object.entries(report.counts)
        .map(([outcome, count]) => `${count} ${outcome}`)
        .join(', '),
  ]
  for (const entry of report.entries) {
    const details = [...(entry.reason ? [entry.reason] : []), ...(entry.notes ?? [])]
    if (!details.length) continue
    lines.push(`${entry.outcome} ${entry.kind} "${entry.title}" (${entry.original})`)
    for (const detail of details) lines.push(`  - ${detail}`)
  }
  if (report.unknownRegions.length)
    lines.push(
      `Regions of type "other" (no continent, country or ISO code): ${report.unknownRegions.join(', ')}`,
    )
  if (report.redirects.length)
    lines.push(`${report.redirects.length} old addresses to redirect (in the JSON report)`)
  return lines.join('\n')
}

/**
 * The command: started by `bin/payload-newsroom.js` through `payload run`, which loads the host's
 * config as Payload's own CLI does and passes no options (they come in NEWSROOM_IMPORT_ARGV).
 */
const main = async () => {
  const argv = process.env.NEWSROOM_IMPORT_ARGV
    ? (JSON.parse(process.env.NEWSROOM_IMPORT_ARGV) as string[])
    : process.argv.slice(2)
  const command = await parseCommand(argv)
  if ('error' in command) {
    console.error(command.error)
    process.exit(2)
  }
  const [{ getPayload }, { findConfig }] = await Promise.all([import('payload'), import('payload/node')])
  const imported = (await import(pathToFileURL(findConfig()).href)) as { default: unknown }
  const payload: Payload = await getPayload({ config: (await imported.default) as never })
  try {
    const report = await runImport({ ...command.run, onProgress: progressPrinter(process.stderr), payload })
    await writeFile(command.report, `${JSON.stringify(report, null, 2)}\n`)
    console.log(formatReport(report))
    console.log(`Report: ${command.report}`)
  } finally {
    await payload.destroy()
  }
  // The launcher checks this: an exit 0 without it is a run that stopped early (payload#16381).
  if (process.env.NEWSROOM_IMPORT_DONE) await writeFile(process.env.NEWSROOM_IMPORT_DONE, 'done\n')
  // db-postgres keeps a pool client checked out after destroy (docs/silent-exits.md): end here.
  process.exit(0)
}

if (process.env.NEWSROOM_IMPORT_ARGV || import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main()
}
