import type { Browser, BrowserContext, Page } from 'playwright-core'

import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { parseFeed } from '@rowanmanning/feed-parser'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import sdtt from 'structured-data-testing-tool'
import presets from 'structured-data-testing-tool/presets.js'

import { browserAvailable, launchChromium } from '../helpers/browser.js'
import { type DevApp, startDevApp } from '../helpers/devApp.js'

const ARTIFACTS = 'test-results'
const runs = browserAvailable()

/** What structured-data-testing-tool reports (tests/unit/structuredDataTestingTool.d.ts types only its entry). */
type StructuredDataResult = {
  failed: Array<{ error?: { message?: string }; test: string }>
  schemas: string[]
}

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

/**
 * axe-core's WCAG 2.0–2.2 A and AA violations on the page as it stands, or only inside the
 * elements that `include` selects: rule id and each offending node, with the `data-testid` of the
 * component it sits in.
 */
const axeViolations = async (page: Page, include?: string[], retried = false): Promise<string[]> => {
  try {
    return await runAxe(page, include)
  } catch (error) {
    // Next's dev server may reload a page once after compiling a route on its first visit.
    if (retried || !String(error).includes('Execution context was destroyed')) throw error
    await page.waitForLoadState('load')
    return axeViolations(page, include, true)
  }
}

const runAxe = async (page: Page, include?: string[]): Promise<string[]> => {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return page.evaluate(async (include) => {
    type Axe = { run: (context: unknown, options: unknown) => Promise<{ violations: any[] }> }
    const axe = (window as unknown as { axe: Axe }).axe
    const result = await axe.run(include ? { include } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node: { target: string[] }) => {
        const component = document
          .querySelector(node.target[0]!)
          ?.closest('[data-testid]')
          ?.getAttribute('data-testid')
        return `${violation.id}: ${node.target.join(' ')}${component ? ` in ${component}` : ''}`
      }),
    )
  }, include)
}

/** Lets the page handle what just happened (scroll events, React's re-render) before it is read. */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
      ),
  )

const backToTopFocused = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('back-to-top') ?? false)

/** Waits until React has hydrated the reader page: until then a focus handler or a DOM change can be lost. */
const hydrated = (page: Page) =>
  page.waitForFunction(
    () =>
      Object.keys(document.querySelector('.comment-form') ?? {}).some((key) =>
        key.startsWith('__reactFiber'),
      ),
    undefined,
    { timeout: 60_000 },
  )

/**
 * Tabs through the page from the site's first link and marks each element that takes focus, in
 * order, with `data-tab-stop` (up to the back-to-top button or the end of the site's own markup);
 * returns how many there are.
 */
const markTabStops = async (page: Page): Promise<number> => {
  await page.evaluate(() => {
    window.scrollTo(0, 0)
    const first = document.querySelector<HTMLElement>('.site-header a')!
    first.setAttribute('data-tab-stop', '0')
    first.focus()
  })
  for (let stop = 1; stop < 500; stop++) {
    await page.keyboard.press('Tab')
    const marked = await page.evaluate((stop) => {
      const active = document.activeElement
      const site =
        document.querySelector('.site-header')?.contains(active) ||
        document.querySelector('main')?.contains(active)
      if (
        !active ||
        !site ||
        active.classList.contains('back-to-top') ||
        active.hasAttribute('data-tab-stop')
      )
        return false
      active.setAttribute('data-tab-stop', String(stop))
      return true
    }, stop)
    if (!marked) return stop
  }
  throw new Error('the tab order did not end')
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

    test('labels the sponsor box and marks its links; each link says "Anzeige" to screen readers too', async () => {
      const box = page.locator('aside').filter({ hasText: 'Anzeige' }).first()
      expect(await box.isVisible()).toBe(true)
      const rels = await box
        .locator('a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('rel')))
      expect(rels.length).toBeGreaterThan(0)
      for (const rel of rels) expect(rel).toBe('sponsored noopener')
      // The accessible name, as the browser computes it, carries the label with the sponsor's name.
      expect(await box.getByRole('link', { name: /^Anzeige Tengri Reisen$/ }).count()).toBe(1)
    })

    test('shows its correction after the text, labelled and dated', async () => {
      const corrections = page.locator('.corrections--bottom')
      expect(await corrections.innerText()).toMatch(
        /^Korrektur, \d{1,2}\. \S+ \d{4}, \d{2}:\d{2} Uhr: In einer früheren Fassung hieß es/,
      )
      const bodyBottom = await page.locator('.article-body').boundingBox()
      expect((await corrections.boundingBox())!.y).toBeGreaterThan(bodyBottom!.y + bodyBottom!.height - 1)
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

    test('a focused back-to-top button keeps focus when the reader scrolls back above its threshold', async () => {
      const context = await browser.newContext({
        locale: 'de-DE',
        reducedMotion: 'reduce',
        viewport: { height: 900, width: 1100 },
      })
      try {
        const reader = await context.newPage()
        const readerErrors = watchErrors(reader)
        await reader.goto(`${app.origin}${readerPath}`, { timeout: 180_000 })
        await hydrated(reader)
        const button = reader.getByRole('button', { name: 'Zurück zum Anfang der Seite' })
        // Reached by keyboard: Tab from the control before it, the comment form's submit button.
        await reader.locator('.comment-form button[type="submit"]').focus()
        await button.waitFor({ state: 'visible', timeout: 5000 })
        await reader.keyboard.press('Tab')
        expect(await backToTopFocused(reader)).toBe(true)
        // The reader scrolls up with the keyboard, focus still on the button, past the threshold.
        await reader.keyboard.press('Home')
        await reader.waitForFunction(() => window.scrollY === 0, undefined, { timeout: 5000 })
        await settle(reader)
        expect(await backToTopFocused(reader)).toBe(true)
        expect(await button.isVisible()).toBe(true)
        // Once focus is elsewhere, above the threshold it is hidden again: out of sight, the tab
        // order and the accessibility tree.
        await reader.locator('h1').click()
        await settle(reader)
        expect(await button.count()).toBe(0)
        expect(await reader.locator('.back-to-top').getAttribute('hidden')).not.toBeNull()
        expect(readerErrors).toEqual([])
      } finally {
        await context.close()
      }
    })

    test('no element that takes keyboard focus is hidden behind the back-to-top button (WCAG 2.4.11)', async () => {
      // A phone's width, where the button spans much of the column; no smooth scrolling to wait for.
      const context = await browser.newContext({
        locale: 'de-DE',
        reducedMotion: 'reduce',
        viewport: { height: 740, width: 360 },
      })
      try {
        const reader = await context.newPage()
        await reader.goto(`${app.origin}${readerPath}`, { timeout: 180_000 })
        await hydrated(reader)
        // The demo's controls all start at the column's left edge, where the button never covers
        // them whole; an editor's link at the end of a line sits under it. One stands in for those.
        await reader.evaluate(() => {
          const paragraph = document.createElement('p')
          paragraph.style.textAlign = 'right'
          const link = Object.assign(document.createElement('a'), {
            href: '#kommentare',
            textContent: 'mehr',
          })
          paragraph.append(link)
          document.querySelector('.article-body')!.append(paragraph)
        })
        const stops = await markTabStops(reader)
        expect(stops).toBeGreaterThan(20)
        // Where the button sits: its middle, measured from the bottom of the viewport.
        await reader.evaluate(() => window.scrollTo(0, 2000))
        await reader.locator('.back-to-top').waitFor({ state: 'visible', timeout: 5000 })
        const fromBottom = await reader.evaluate(() => {
          const box = document.querySelector('.back-to-top')!.getBoundingClientRect()
          return window.innerHeight - (box.top + box.height / 2)
        })

        const hidden: string[] = []
        let checked = 0
        for (let stop = 1; stop < stops; stop++) {
          // The worst case: the next element scrolled right behind the button, the one before it
          // focused without scrolling. Tab must bring the next one into view, not leave it there.
          await reader.evaluate(
            ({ fromBottom, stop }) => {
              const next = document.querySelector(`[data-tab-stop="${stop}"]`)!.getBoundingClientRect()
              window.scrollBy(0, next.top + next.height / 2 - (window.innerHeight - fromBottom))
              document
                .querySelector<HTMLElement>(`[data-tab-stop="${stop - 1}"]`)!
                .focus({ preventScroll: true })
            },
            { fromBottom, stop },
          )
          await settle(reader)
          await reader.keyboard.press('Tab')
          await settle(reader)
          const focus = await reader.evaluate(() => {
            const active = document.activeElement as HTMLElement
            const button = document.querySelector<HTMLButtonElement>('.back-to-top')
            const name = `${active.tagName.toLowerCase()} "${(active.innerText || active.getAttribute('name') || '').slice(0, 40)}"`
            if (!button || button.hidden)
              return { hidden: false, name, shown: false, stop: active.dataset.tabStop }
            const cover = button.getBoundingClientRect()
            const box = active.getBoundingClientRect()
            // The part of the element the viewport shows: none, or all of it under the button, is hidden.
            const top = Math.max(box.top, 0)
            const bottom = Math.min(box.bottom, window.innerHeight)
            const left = Math.max(box.left, 0)
            const right = Math.min(box.right, window.innerWidth)
            const inView = top < bottom && left < right
            const underButton =
              left >= cover.left && right <= cover.right && top >= cover.top && bottom <= cover.bottom
            return { hidden: !inView || underButton, name, shown: true, stop: active.dataset.tabStop }
          })
          expect(focus.stop, `Tab from stop ${stop - 1} reached ${focus.name}`).toBe(String(stop))
          if (!focus.shown) continue
          checked += 1
          if (focus.hidden) hidden.push(focus.name)
        }
        expect(checked).toBeGreaterThan(10)
        expect(hidden, 'focused elements hidden by the back-to-top button').toEqual([])
      } finally {
        await context.close()
      }
    }, 120_000)

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

    /** The id of the first document a query finds, read with the editor's session. */
    const idOf = async (collection: string, query: string) => {
      const url = `${app.origin}/api/${collection}?${query}&depth=0&limit=1`
      // The dev server may drop a connection while it compiles a route: one retry.
      const response = await page.request.get(url).catch(() => page.request.get(url))
      expect(response.status()).toBe(200)
      return ((await response.json()) as { docs: Array<{ id: number }> }).docs[0]!.id
    }

    /**
     * Clicks a save button once Payload's form is ready (a click during its processing is ignored)
     * and returns the status of the save's request to the REST API.
     */
    const save = async (button: string) => {
      await page.locator('form[data-form-ready="true"]').first().waitFor({ timeout: 60_000 })
      const answer = page.waitForResponse(
        (response) =>
          ['PATCH', 'POST'].includes(response.request().method()) &&
          /^\/api\/(articles|regions)(\/\d+)?$/.test(new URL(response.url()).pathname),
        { timeout: 90_000 },
      )
      await page.locator(button).click()
      return (await answer).status()
    }

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
      expect(await save('#action-save')).toBe(201)
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
      expect(await save('#action-save')).toBe(400)
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
      expect(await save('#action-save')).toBe(201)
      await page.waitForURL(/\/articles\/\d+/, { timeout: 60_000 })
      const id = /\/articles\/(\d+)/.exec(page.url())![1]
      const response = await page.request.get(`${app.origin}/api/articles/${id}?depth=0`)
      const article = await response.json()
      expect(article._status).toBe('published')
      expect(article.attribution.sourceUrl).toBe(source)
    }, 300_000)

    test("the plugin's admin components pass axe on the article and sponsor edit views", async () => {
      const slug = readerPath.split('/').pop()!
      const article = await idOf('articles', `where[slug][equals]=${encodeURIComponent(slug)}`)
      await page.goto(`${app.origin}/admin/collections/articles/${article}`, { timeout: 180_000 })
      // The lead article is an AI rewrite of a source: the notice with its link, and the reading facts.
      await page
        .getByTestId('attribution-preview')
        .getByRole('link', { name: 'dieser Quelle' })
        .waitFor({ timeout: 60_000 })
      await page.getByTestId('reading-summary').getByTestId('reading-words').waitFor({ timeout: 30_000 })
      // Only our components (every panel is a PreviewPanel, `.newsroom-preview`): Payload's own
      // admin markup is Payload's to answer for.
      const articleView = await axeViolations(page, ['.newsroom-preview'])

      const sponsor = await idOf('sponsors', 'sort=name')
      await page.goto(`${app.origin}/admin/collections/sponsors/${sponsor}`, { timeout: 180_000 })
      await page
        .getByTestId('sponsor-preview')
        .getByTestId('sponsor-preview-label')
        .waitFor({ timeout: 60_000 })
      const sponsorView = await axeViolations(page, ['.newsroom-preview'])
      expect({ articleView, sponsorView }).toEqual({ articleView: [], sponsorView: [] })
    }, 300_000)

    test('the previews follow the form live: review state, image label, allowed sponsor labels', async () => {
      // The demo's reviewed AI article: the review stands, and an edit to its text would void it.
      const reviewed = await idOf('articles', 'where[ai.humanReviewed][equals]=true')
      await page.goto(`${app.origin}/admin/collections/articles/${reviewed}`, { timeout: 180_000 })
      const review = page.getByTestId('attribution-preview').getByTestId('attribution-review')
      await review.waitFor({ timeout: 60_000 })
      expect(await review.getAttribute('data-review')).toBe('standing')
      expect(await review.innerText()).toContain('Geprüft von Demo-Redaktion')
      expect(await page.getByTestId('attribution-notice').innerText()).toContain('Von der Redaktion geprüft.')
      await page.locator('#field-title').fill('Urumqi baut Frachtflughafen noch schneller aus')
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="attribution-review"]')?.getAttribute('data-review') ===
          'voided',
        undefined,
        { timeout: 30_000 },
      )
      expect(await page.getByTestId('attribution-placement').getAttribute('data-placement')).toBe('top')

      // The lead image's label, before anything is saved.
      const slug = readerPath.split('/').pop()!
      const lead = await idOf('articles', `where[slug][equals]=${encodeURIComponent(slug)}`)
      await page.goto(`${app.origin}/admin/collections/articles/${lead}`, { timeout: 180_000 })
      const imageLabel = page.getByTestId('image-ai-preview').getByTestId('image-ai-label')
      await imageLabel.waitFor({ timeout: 60_000 })
      expect(await imageLabel.innerText()).toBe('Kein Hinweis: keine KI im Bild.')
      await page.locator('#field-imageAi__usage').click()
      await page.getByRole('option', { name: 'Mit KI erzeugt' }).click()
      await page.waitForFunction(
        () => document.querySelector('[data-testid="image-ai-label"]')?.textContent === 'Bild mit KI erzeugt',
        undefined,
        { timeout: 30_000 },
      )

      // A sponsor label German readers would not recognise as advertising is flagged before saving.
      const sponsor = await idOf('sponsors', 'sort=name')
      await page.goto(`${app.origin}/admin/collections/sponsors/${sponsor}`, { timeout: 180_000 })
      await page.getByTestId('sponsor-preview-label').waitFor({ timeout: 60_000 })
      expect(await page.getByTestId('sponsor-preview-warning').count()).toBe(0)
      await page.locator('#field-disclosureLabel').fill('Sponsored')
      const warning = page.getByTestId('sponsor-preview-warning')
      await warning.waitFor({ timeout: 30_000 })
      expect(await warning.innerText()).toContain('Erlaubt: Anzeige, Werbung')
    }, 300_000)

    test('an editor adds a correction to a published article: earlier ones stay read-only, the preview shows the new one', async () => {
      const slug = readerPath.split('/').pop()!
      const lead = await idOf('articles', `where[slug][equals]=${encodeURIComponent(slug)}`)
      await page.goto(`${app.origin}/admin/collections/articles/${lead}`, { timeout: 180_000 })
      const earlier = page.locator('#field-corrections__0__text')
      await earlier.waitFor({ timeout: 60_000 })
      expect(await earlier.isDisabled()).toBe(true)
      const note = 'Der Name des Ministers war falsch geschrieben.'
      // Payload renders a group's fields once they scroll into view, after its own render pass.
      const noteField = page.locator('#field-newCorrection__text')
      for (let attempt = 0; attempt < 20 && (await noteField.count()) === 0; attempt++) {
        await page.getByText('Korrektur hinzufügen', { exact: true }).first().scrollIntoViewIfNeeded()
        await page.mouse.wheel(0, attempt % 2 ? -150 : 150)
        await page.waitForTimeout(500)
      }
      await noteField.fill(note)
      const preview = page.getByTestId('correction-preview').getByTestId('correction-preview-text')
      await preview.waitFor({ timeout: 30_000 })
      expect(await preview.innerText()).toMatch(new RegExp(`^Korrektur, .+: ${note}$`))
      await page.getByTestId('correction-preview').scrollIntoViewIfNeeded()
      await page.screenshot({ fullPage: false, path: `${ARTIFACTS}/admin-corrections.png` })
      await page.waitForTimeout(1500)
      expect(await save('#action-save')).toBe(200)
      await page.locator('#field-corrections__1__text').waitFor({ timeout: 60_000 })
      expect(await page.locator('#field-corrections__1__text').inputValue()).toBe(note)
      expect(await page.locator('#field-newCorrection__text').inputValue()).toBe('')
      const reader = await page.request.get(`${app.origin}/api/newsroom/articles/${slug}`)
      const corrections = ((await reader.json()) as { corrections: Array<{ text: string }> }).corrections
      expect(corrections.map((item) => item.text)).toContain(note)
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
      // The demo's six articles are all about Asien's countries, none about Asien itself.
      expect(await page.locator('.article-list li').count()).toBe(6)
      // The paid one says so in its teaser.
      expect(
        await page
          .locator('.article-list li')
          .filter({ hasText: 'Sprachkurs' })
          .locator('.kicker--ad')
          .innerText(),
      ).toMatch(/anzeige/i)
      expect(await axeViolations(page)).toEqual([])
    }, 240_000)

    test('the site and the region page link their feeds, which a feed reader parses', async () => {
      await page.goto(`${app.origin}${readerPath}`, { timeout: 180_000 })
      const siteFeed = await page
        .locator('link[rel="alternate"][type="application/rss+xml"]')
        .getAttribute('href')
      expect(siteFeed).toBe('/api/newsroom/feed.xml')
      await page.goto(`${app.origin}/regions/asien`, { timeout: 180_000 })
      const regionFeed = await page
        .locator('link[rel="alternate"][type="application/atom+xml"]')
        .getAttribute('href')
      expect(regionFeed).toBe('/api/newsroom/feed.atom?region=asien')
      const feed = parseFeed(await (await fetch(`${app.origin}${regionFeed}`)).text())
      // The demo's articles of Asien's countries, newest first, the lead article's notice on top.
      expect(feed.items).toHaveLength(6)
      const lead = feed.items.find((item) => item.content?.includes('newsroom-notice'))
      expect(lead).toBeTruthy()
      expect(feed.items.some((item) => /^Anzeige: /.test(item.title ?? ''))).toBe(true)
      // Crawlers find the sitemaps through robots.txt.
      const robots = await (await fetch(`${app.origin}/robots.txt`)).text()
      expect(robots).toContain(`Sitemap: ${app.origin}/api/newsroom/sitemap.xml`)
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

    test('a paid article says "Anzeige" in its title and names its advertiser with a paid link', async () => {
      const response = await page.request.get(
        `${app.origin}/api/articles?where[paidContent][equals]=true&depth=0&limit=1`,
      )
      const [paid] = ((await response.json()) as { docs: Array<{ slug: string }> }).docs
      await page.goto(`${app.origin}/articles/${paid!.slug}`, { timeout: 180_000 })
      expect(await page.title()).toMatch(/^Anzeige: Zwei Wochen Almaty/)
      expect(await page.locator('.kicker--ad').innerText()).toMatch(/anzeige/i)
      const advertiser = page.locator('.paid-by').getByRole('link', { name: 'Alatau Sprachschule' })
      expect(await advertiser.getAttribute('rel')).toBe('sponsored noopener')
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

  describe('structured data', () => {
    test("the demo article's page passes structured-data-testing-tool's Google checks", async () => {
      const response = await fetch(`${app.origin}${readerPath}`)
      expect(response.status).toBe(200)
      const html = await response.text()
      let result: StructuredDataResult
      try {
        result = (await sdtt.structuredDataTest(html, {
          presets: [presets.Google],
          schemas: ['jsonld:NewsArticle'],
        })) as StructuredDataResult
      } catch (error) {
        // The tool rejects when a check fails, with its full result attached.
        const res = (error as { res?: StructuredDataResult }).res
        if (!res) throw error
        result = res
      }
      const failures = result.failed.map(
        (failure) => `${failure.test}${failure.error?.message ? ` (${failure.error.message})` : ''}`,
      )
      expect(failures, `Google's checks failed:\n${failures.join('\n')}`).toEqual([])
      expect(result.schemas).toContain('NewsArticle')

      // Its image and the publisher's logo are absolute URLs the dev app serves.
      const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!)
      const image = jsonLd.image as string | { url: string }
      for (const url of [
        typeof image === 'string' ? image : image.url,
        jsonLd.publisher.logo.url as string,
      ]) {
        expect(url.startsWith(`${app.origin}/`), url).toBe(true)
        const file = await fetch(url)
        expect(file.status, url).toBe(200)
        expect(file.headers.get('content-type'), url).toBe('image/png')
      }
    }, 120_000)
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
