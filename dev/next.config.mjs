import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))
// The plugin source lives in ../src, outside this app: both bundlers must see the repo root.
const repoRoot = path.resolve(dirname, '..')

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next serves its dev scripts only to localhost otherwise: an admin opened at 127.0.0.1 stays blank.
  allowedDevOrigins: ['localhost', '127.0.0.1', ...(process.env.HOST ? [process.env.HOST] : [])],
  // The browser tests run their own dev server next to a developer's, each with its own build folder.
  distDir: process.env.NEWSROOM_NEXT_DIST_DIR || '.next',
  // Lets webpack compile ../src (it otherwise only transpiles files under dev/).
  transpilePackages: ['payload-newsroom'],
  turbopack: {
    root: repoRoot,
  },
  outputFileTracingRoot: repoRoot,
  webpack: (webpackConfig) => {
    // The plugin is ESM TypeScript with `.js` specifiers; resolve them to the `.ts` sources.
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

export default withPayload(nextConfig)
