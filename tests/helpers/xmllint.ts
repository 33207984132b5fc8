import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** The sitemaps.org schema with the image and news extensions (see the schemas' comments). */
export const SITEMAP_SCHEMA = path.resolve(
  import.meta.dirname,
  '../fixtures/sitemap-schemas/sitemap-with-extensions.xsd',
)

/**
 * Whether xmllint (Debian's libxml2-utils) is here. Outside CI its tests are skipped with the
 * reason printed; under CI=true a missing xmllint is a failure, never a skip.
 */
export const xmllintAvailable = (): boolean => {
  if (spawnSync('xmllint', ['--version']).status === 0) return true
  if (process.env.CI) throw new Error("xmllint is missing: .ci/run installs Debian's libxml2-utils")
  console.warn('Skipping the xmllint checks: no xmllint (apt-get install libxml2-utils)')
  return false
}

/** xmllint's verdict on a document: well-formed, and valid against `schema` when given. */
export const xmllint = (xml: string, schema?: string): { output: string; valid: boolean } => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsroom-xml-')), 'document.xml')
  writeFileSync(file, xml)
  try {
    const output = execFileSync(
      'xmllint',
      ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), file],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    return { output, valid: true }
  } catch (error) {
    const failed = error as { stderr?: string; stdout?: string }
    return { output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`, valid: false }
  }
}
