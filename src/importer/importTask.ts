import type { TaskConfig } from 'payload'

import { runImport } from './runImport.js'

export const IMPORT_WXR_TASK = 'newsroomImportWxr'

type ImportTaskInput = {
  authors?: 'create' | null | Record<string, string>
  dryRun?: boolean | null
  fetchImages?: boolean | null
  file: string
  locale?: null | string
  media?: null | string
  since?: null | string
}

/**
 * The importer as a job, for an import run by the app itself (`payload.jobs.queue({ task:
 * 'newsroomImportWxr', input: { file } })`): the file and folder are paths on the server, so only
 * server code can queue it (Payload's jobs collection takes no REST writes). The whole report is
 * the job's output.
 */
export const importWxrTask = (
  /** With `disabled`, the task stays registered (its slug is schema) but refuses to run. */
  enabled: boolean,
): TaskConfig<{ input: ImportTaskInput; output: { counts: unknown; report: unknown } }> => ({
  slug: IMPORT_WXR_TASK,
  handler: async ({ input, req }) => {
    if (!enabled) throw new Error('payload-newsroom is disabled: the WordPress import does not run')
    const report = await runImport({
      authors: input.authors ?? 'create',
      dryRun: input.dryRun ?? false,
      fetchImages: input.fetchImages ?? true,
      file: input.file,
      locale: input.locale ?? undefined,
      media: input.media ?? undefined,
      payload: req.payload,
      since: input.since ? new Date(input.since) : undefined,
    })
    return { output: { counts: report.counts, report } }
  },
  inputSchema: [
    { name: 'file', type: 'text', required: true },
    { name: 'dryRun', type: 'checkbox' },
    { name: 'since', type: 'date' },
    { name: 'authors', type: 'json' },
    { name: 'media', type: 'text' },
    { name: 'fetchImages', type: 'checkbox', defaultValue: true },
    { name: 'locale', type: 'text' },
  ],
  outputSchema: [
    { name: 'counts', type: 'json' },
    { name: 'report', type: 'json' },
  ],
  // One import is enough: a failed run is repeated by running it again (it is idempotent).
  retries: 0,
})
