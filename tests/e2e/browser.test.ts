import type { Browser, BrowserContext, Page } from 'playwright-core'

import { mkdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { browserAvailable, launchChromium } from '../helpers/browser.js'
import { type DevApp, startDevApp } from '../helpers/devApp.js'

const ARTIFACTS = 'test-results'
const runs = browserAvailable()

let app: DevApp
let browser: Browser
let readerPath: string

const watchErrors = (page: Page) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

const loginAsEditor = async (context: BrowserContext, origin: string) => {
  const response = await context.request.post(`${origin}/api/users/login`, {
    data: { email: 'editor@newsroom.test', password: 'newsroom-demo' },
  })
  expect(response.status()).toBe(200)
}

describe.skipIf(!runs)('in a real browser', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true })
    app = await startDevApp()
    browser = await launchChromium()
    const match = /Reader page:\s+https?:\/\/[^/]+(\/articles\/\S+)/.exec(app.log())
    readerPath = match![1]!
  }, 360_000)
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  describe('the reader page', () => {
    let page: Page
    let errors: string[]
    beforeAll(async () => {
      const context = await browser.newContext({ locale: 'de-DE', viewport: { height: 900, width: 1100 } })
      page = await context.newPage()
      errors = watchErrors(page)
      const response = await page.goto(`${app.origin}${readerPath}`, { timeout: 180_000 })
      expect(response?.status()).toBe(200)
    }, 240_000)

    test('shows the notice with its source link where placement says', async () => {
      const notice = page.locator('.attribution')
      await expect(notice.count()).resolves.toBe(1)
      expect(await notice.innerText()).toContain('Diese Nachricht wurde dieser Quelle entnommen')
      const link = notice.getByRole('link', { name: 'dieser Quelle' })
      expect(await link.getAttribute('href')).toMatch(/^https:\/\//)
      // An unreviewed AI rewrite is labelled before the text (first exposure).
      const noticeTop = (await notice.boundingBox())!.y
      const firstParagraph = (await page
        .locator('article p')
        .filter({ hasText: 'Almaty' })
        .first()
        .boundingBox())!.y
      expect(noticeTop).toBeLessThan(firstParagraph)
    })

    test('labels the sponsor box and marks its links', async () => {
      const box = page.locator('aside').filter({ hasText: 'Anzeige' }).first()
      expect(await box.isVisible()).toBe(true)
      const rels = await box
        .locator('a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('rel')))
      expect(rels.length).toBeGreaterThan(0)
      for (const rel of rels) expect(rel).toBe('sponsored noopener')
    })

    test('lists related articles and offers the comment form', async () => {
      expect(await page.getByRole('heading', { name: 'Ähnliche Artikel' }).isVisible()).toBe(true)
      expect(await page.locator('#comment-name').isVisible()).toBe(true)
      // The honeypot is there for bots, out of people's way: not in the tab order, no autofill.
      const honeypot = page.locator('input[name="website_hp"]')
      expect(await honeypot.getAttribute('tabindex')).toBe('-1')
      expect(await honeypot.getAttribute('autocomplete')).toBe('off')
      expect(
        await page.getByText('Deine E-Mail-Adresse wird nicht veröffentlicht.').first().isVisible(),
      ).toBe(true)
    })

    test('the back-to-top button appears after scrolling, works by keyboard, and focuses #top', async () => {
      const button = page.getByRole('button', { name: 'Zurück zum Seitenanfang' })
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.waitForTimeout(200)
      expect(await button.count()).toBe(0)
      await page.evaluate(() => window.scrollTo(0, 2000))
      await button.waitFor({ state: 'visible', timeout: 5000 })
      await button.focus()
      await page.keyboard.press('Enter')
      await page.waitForFunction(() => window.scrollY === 0, undefined, { timeout: 5000 })
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('top')
      await page.screenshot({ fullPage: false, path: `${ARTIFACTS}/reader.png` })
    })

    test('no uncaught errors on the page', () => {
      expect(errors).toEqual([])
    })
  })

  describe('comments', () => {
    test("a comment sent through the form waits in the editors' moderation list", async () => {
      const context = await browser.newContext({ locale: 'de-DE' })
      const page = await context.newPage()
      const errors = watchErrors(page)
      await page.goto(`${app.origin}${readerPath}`)
      await page.fill('#comment-name', 'Browser-Leserin')
      await page.fill('#comment-email', 'browser@example.com')
      await page.fill('#comment-body', 'Geschrieben in einem echten Browser.')
      await page.check('#comment-consent')
      await page.click('form button[type="submit"]')
      await page
        .getByText('Danke! Dein Kommentar wird nach Prüfung veröffentlicht.')
        .waitFor({ timeout: 15_000 })
      expect(errors).toEqual([])

      const admin = await browser.newContext({ locale: 'de-DE' })
      await loginAsEditor(admin, app.origin)
      const list = await admin.newPage()
      await list.goto(`${app.origin}/admin/collections/comments`, { timeout: 180_000 })
      const row = list.locator('tr').filter({ hasText: 'Browser-Leserin' })
      await row.waitFor({ timeout: 60_000 })
      expect(await row.innerText()).toContain('Wartet auf Prüfung')
      await admin.close()
      await context.close()
    }, 240_000)
  })
})
