import type { Browser, BrowserContext, Page } from 'playwright-core'

import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { browserAvailable, launchChromium } from '../helpers/browser.js'
import { type DevApp, startDevApp } from '../helpers/devApp.js'

const ARTIFACTS = 'test-results'
const runs = browserAvailable()

let app: DevApp
let browser: Browser
let readerPath: string

/**
 * Uncaught page errors. This sandbox has no internet: Payload's JSON fields load the Monaco editor
 * from a CDN, which fails with an uncaught bare `Event`; those are left out while external
 * requests fail, everything else counts.
 */
const watchErrors = (page: Page) => {
  const errors: string[] = []
  let externalFailures = 0
  page.on('requestfailed', (request) => {
    if (!new URL(request.url()).hostname.match(/^(localhost|127\.0\.0\.1)$/)) externalFailures += 1
  })
  page.on('pageerror', (error) => {
    if (error.message === 'Event' && !error.name && externalFailures > 0) return
    errors.push(`${error.name}: ${error.message}`)
  })
  return errors
}

const require = createRequire(import.meta.url)

/** axe-core's WCAG 2.0–2.2 A and AA violations on the page as it stands: rule id and the first target. */
const axeViolations = async (page: Page): Promise<string[]> => {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (options: unknown) => Promise<{ violations: any[] }> } })
      .axe
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target?.join(' ')}`)
  })
  return violations
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
      const button = page.getByRole('button', { name: 'Zurück zum Anfang der Seite' })
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.waitForTimeout(200)
      expect(await button.count()).toBe(0)
      await page.evaluate(() => window.scrollTo(0, 2000))
      await button.waitFor({ state: 'visible', timeout: 5000 })
      // With the button shown: its accessible name contains its visible label (WCAG 2.5.3), and more.
      expect(await axeViolations(page)).toEqual([])
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

  describe('the admin, in German', () => {
    let page: Page
    let errors: string[]
    beforeAll(async () => {
      const context = await browser.newContext({ locale: 'de-DE', viewport: { height: 1000, width: 1400 } })
      page = await context.newPage()
      errors = watchErrors(page)
      await page.goto(`${app.origin}/admin/login`, { timeout: 180_000 })
      await page.getByLabel('E-Mail').fill('editor@newsroom.test')
      await page.getByLabel('Passwort').fill('newsroom-demo')
      await page.getByRole('button', { name: 'Anmelden' }).click()
      await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 120_000 })
    }, 240_000)

    test('the admin also works at 127.0.0.1 (Next serves its scripts there too)', async () => {
      const other = await browser.newPage({ locale: 'de-DE' })
      try {
        await other.goto(`${app.origin.replace('localhost', '127.0.0.1')}/admin/login`, { timeout: 180_000 })
        await other.getByLabel('E-Mail').waitFor({ timeout: 60_000 })
      } finally {
        await other.close()
      }
    })

    test('an editor creates a region', async () => {
      await page.goto(`${app.origin}/admin/collections/regions/create`, { timeout: 180_000 })
      await page.locator('#field-name').fill('Usbekistan')
      await page.locator('#field-isoCode').fill('uz')
      await page.locator('#action-save').click()
      await page.waitForURL(/\/regions\/\d+/, { timeout: 60_000 })
      await page.reload()
      expect(await page.locator('#field-isoCode').inputValue()).toBe('UZ')
      expect(await page.locator('#field-slug').inputValue()).toBe('usbekistan')
    }, 240_000)

    test('an AI rewrite without a source cannot be published; with one it can, and the preview follows', async () => {
      await page.goto(`${app.origin}/admin/collections/articles/create`, { timeout: 180_000 })
      await page.locator('#field-title').fill('Neue Bahnverbindung nach Taschkent')
      await page.locator('#field-ai__usage').click()
      await page.getByRole('option', { name: 'Von KI aus einer Quelle umgeschrieben' }).click()
      const preview = page.getByTestId('attribution-preview')
      await preview.getByTestId('attribution-warning').waitFor({ timeout: 30_000 })
      expect(await preview.getByTestId('attribution-notice').innerText()).toContain(
        'Diese Nachricht wurde dieser Quelle entnommen',
      )

      // Payload refreshes its form state after each change; publishing before that can lose the error.
      await page.waitForTimeout(1500)
      await page.locator('#action-save').click()
      const fieldError = page
        .locator('.field-type', { has: page.locator('#field-source__url') })
        .getByText('nicht ohne Link auf diese Quelle veröffentlicht werden')
      await fieldError.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
        await page.screenshot({ fullPage: true, path: `${ARTIFACTS}/admin-publish-refused.png` })
        throw error
      })
      expect(await fieldError.innerText()).toContain('nicht ohne Link auf diese Quelle veröffentlicht werden')
      expect(page.url()).toMatch(/\/create$/)

      const source = 'https://quelle.example/taschkent'
      await page.locator('#field-source__url').fill(source)
      const link = preview.getByRole('link', { name: 'dieser Quelle' })
      await link.waitFor({ timeout: 30_000 })
      expect(await link.getAttribute('href')).toBe(source)
      expect(await preview.getByTestId('attribution-warning').count()).toBe(0)
      await page.screenshot({ fullPage: false, path: `${ARTIFACTS}/admin-edit.png` })

      await page.waitForTimeout(1500)
      await page.locator('#action-save').click()
      await page.waitForURL(/\/articles\/\d+/, { timeout: 60_000 })
      const id = /\/articles\/(\d+)/.exec(page.url())![1]
      const response = await page.request.get(`${app.origin}/api/articles/${id}?depth=0`)
      const article = await response.json()
      expect(article._status).toBe('published')
      expect(article.attribution.sourceUrl).toBe(source)
    }, 300_000)

    test('no raw translation keys and no uncaught errors', async () => {
      expect(await page.content()).not.toMatch(/newsroom:[a-zA-Z]/)
      expect(errors).toEqual([])
    })
  })

  describe('the archives', () => {
    let page: Page
    let errors: string[]
    beforeAll(async () => {
      const context = await browser.newContext({ locale: 'de-DE', viewport: { height: 900, width: 1100 } })
      page = await context.newPage()
      errors = watchErrors(page)
    })

    test("the article's breadcrumbs lead to the region page, which lists its and its descendants' articles", async () => {
      await page.goto(`${app.origin}${readerPath}`, { timeout: 180_000 })
      const crumbs = page.getByRole('navigation', { name: 'Brotkrümelnavigation' })
      expect(await crumbs.getByRole('link').allInnerTexts()).toEqual(['Asien', 'China'])
      // Followed by its address: the dev server compiles a route on its first visit, which can take
      // longer than a click waits for.
      const href = await crumbs.getByRole('link', { name: 'Asien' }).getAttribute('href')
      expect(href).toBe('/regions/asien')
      await page.goto(`${app.origin}${href}`, { timeout: 180_000 })
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Asien')
      expect(
        await page.getByRole('navigation', { name: 'Unterregionen' }).getByRole('link').allInnerTexts(),
      ).toEqual(['China', 'Kasachstan'])
      // The demo's five articles are all about Asien's countries, none about Asien itself.
      expect(await page.locator('.article-list li').count()).toBe(5)
      expect(await axeViolations(page)).toEqual([])
    }, 240_000)

    test('pagination works by keyboard: older articles, then back to the newest', async () => {
      await page.goto(`${app.origin}/regions/asien?limit=2`, { timeout: 180_000 })
      const first = await page.locator('.article-list h3').allInnerTexts()
      expect(first).toHaveLength(2)
      const older = page.getByRole('link', { name: 'Ältere Artikel' })
      await older.focus()
      await page.keyboard.press('Enter')
      await page.waitForURL(/cursor=/, { timeout: 60_000 })
      const second = await page.locator('.article-list h3').allInnerTexts()
      expect(second).toHaveLength(2)
      expect(second.some((title) => first.includes(title))).toBe(false)
      await page.getByRole('link', { name: 'Neueste Artikel' }).focus()
      await page.keyboard.press('Enter')
      await page.waitForURL((url) => !url.search.includes('cursor='), { timeout: 60_000 })
      expect(await page.locator('.article-list h3').allInnerTexts()).toEqual(first)
      expect(await axeViolations(page)).toEqual([])
    }, 240_000)

    test("the byline leads to the author's page with profile and articles", async () => {
      await page.goto(`${app.origin}${readerPath}`, { timeout: 180_000 })
      const href = await page
        .locator('.byline')
        .getByRole('link', { name: 'Aigerim Nurlanowa' })
        .getAttribute('href')
      expect(href).toBe('/authors/aigerim-nurlanowa')
      await page.goto(`${app.origin}${href}`, { timeout: 180_000 })
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Aigerim Nurlanowa')
      expect(await page.getByText('Korrespondentin für Zentralasien').isVisible()).toBe(true)
      expect(await page.locator('.article-list li').count()).toBe(2)
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)
      expect(jsonLd).toMatchObject({
        '@type': 'ProfilePage',
        mainEntity: { '@type': 'Person', name: 'Aigerim Nurlanowa' },
      })
      expect(await axeViolations(page)).toEqual([])
    }, 240_000)

    test('the reader page passes axe too; an unknown region is a 404', async () => {
      await page.goto(`${app.origin}${readerPath}`, { timeout: 180_000 })
      expect(await axeViolations(page)).toEqual([])
      const missing = await page.goto(`${app.origin}/regions/asien/mars`, { timeout: 180_000 })
      expect(missing?.status()).toBe(404)
    }, 240_000)

    test('no uncaught errors on these pages', () => {
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
