import type { Browser } from 'playwright-core'

import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Whether browser tests can run. Outside CI they are skipped, with the reason printed, when
 * Chromium is missing; under CI=true a missing Chromium is a failure, never a skip.
 */
export const browserAvailable = (): boolean => {
  if (existsSync(chromiumPath)) return true
  if (process.env.CI)
    throw new Error(`Chromium is missing at ${chromiumPath}: .ci/run installs Debian's chromium package`)
  console.warn(
    `Skipping the browser tests: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`,
  )
  return false
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    executablePath: chromiumPath,
  })
