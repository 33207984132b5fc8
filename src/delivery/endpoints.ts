import type { Endpoint } from 'payload'

import { Forbidden } from 'payload'

import { getArticlePage } from './getArticlePage.js'

const LOCALE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/

const error = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** `GET /api/newsroom/articles/:slug?locale=&draft=`: the article page as JSON, for the caller's access. */
export const articlePageEndpoint: Endpoint = {
  handler: async (req) => {
    const slug = String(req.routeParams?.slug ?? '')
    // Slugs are short text; PostgreSQL cannot compare one holding NUL (a 500 otherwise).
    if (slug.includes('\u0000') || slug.length > 1000) return error(400, 'slug: not a valid slug')
    const locale = req.searchParams.get('locale') ?? undefined
    const draft = req.searchParams.get('draft') === 'true'
    const codes = req.payload.config.localization ? req.payload.config.localization.localeCodes : undefined
    if (locale !== undefined && (codes ? !codes.includes(locale) : !LOCALE.test(locale))) {
      return error(400, `locale: unknown locale "${locale.slice(0, 20)}"`)
    }
    try {
      const page = await getArticlePage({ draft, locale, payload: req.payload, req, slug })
      if (!page) return error(404, `No published article with the slug "${slug.slice(0, 200)}"`)
      return Response.json(page, { headers: { 'Cache-Control': draft ? 'no-store' : 'private, max-age=0' } })
    } catch (caught) {
      if (caught instanceof Forbidden) return error(403, 'draft=true needs an editor')
      throw caught
    }
  },
  method: 'get',
  path: '/newsroom/articles/:slug',
}
