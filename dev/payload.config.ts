import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Access, buildConfig } from 'payload'
import { newsroomPlugin } from 'payload-newsroom'
import { nextInvalidate } from 'payload-newsroom/next'

import { seed } from './seed.js'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const editorsOnly: Access = ({ req }) => req.user?.collection === 'users'

// The origin the dev server prints (dev/server.ts): absolute URLs in JSON-LD point back at it.
const host =
  process.env.HOST && !['0.0.0.0', '127.0.0.1', '::'].includes(process.env.HOST)
    ? process.env.HOST
    : 'localhost'
export const siteUrl = process.env.NEWSROOM_SITE_URL || `http://${host}:${process.env.PORT || 3000}`

export default buildConfig({
  admin: {
    user: 'users',
    importMap: {
      baseDir: dirname,
      // The app lives in dev/, not at the repo root where `payload generate:importmap` would look.
      importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js'),
    },
  },
  collections: [
    {
      slug: 'users',
      // Editors manage editors (Payload's default would let any logged-in account do it).
      access: { create: editorsOnly, delete: editorsOnly, read: editorsOnly, update: editorsOnly },
      auth: true,
      admin: { useAsTitle: 'email' },
      fields: [{ name: 'name', type: 'text' }],
    },
    {
      slug: 'media',
      // Lead images and sponsor logos are public: the reader page reads them as an anonymous reader.
      access: { read: () => true },
      upload: {
        staticDir: path.resolve(dirname, 'media'),
      },
      fields: [{ name: 'alt', type: 'text' }],
    },
  ],
  // Schema push is on by default in development, so `npm run dev` needs no migrations.
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL },
  }),
  editor: lexicalEditor(),
  // Scheduled publishing runs in the Next server (NEXT_RUNTIME), every 5 seconds; scripts that load
  // this config (type generation, seeding) start no crons.
  jobs: {
    autoRun: () => (process.env.NEXT_RUNTIME ? [{ cron: '*/5 * * * * *', queue: 'default' }] : []),
  },
  // The admin follows the browser's language; German when it asks for neither.
  i18n: {
    supportedLanguages: { de, en },
    fallbackLanguage: 'de',
  },
  plugins: [
    newsroomPlugin({
      users: 'users',
      media: 'media',
      // The reader page is cached by Next and revalidated after each committed change.
      onInvalidate: nextInvalidate(),
      // The publisher in JSON-LD; the logo is dev/public/newsroom-logo.png.
      site: {
        url: siteUrl,
        name: 'Newsroom-Demo',
        logoUrl: `${siteUrl}/newsroom-logo.png`,
        // Named in the notice of reviewed AI text (EU AI Act Art. 50(4)).
        editorialContact: { name: 'Zentralasien-Desk', url: `${siteUrl}/authors/zentralasien-desk` },
      },
    }),
  ],
  secret: process.env.PAYLOAD_SECRET || 'newsroom-dev-secret',
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
  onInit: seed,
})
