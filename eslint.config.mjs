// ESLint for the plugin, the dev app and the tests: the recommended JavaScript and TypeScript
// rules, plus the dependency direction of our layout (CONTRIBUTING.md): shared machinery never
// imports a feature, and the read path and the admin never import a write hook.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const features = [
  'articles',
  'attribution',
  'authors',
  'comments',
  'corrections',
  'reading',
  'regions',
  'relatedLinks',
  'slugs',
  'sponsors',
]
// Pure rules: plain data in, plain data out, no Payload import. Any feature, the read path and the
// admin may use them; everything else of a feature is reached through its index.ts.
const pureModules = {
  attribution: ['imageAi', 'notice', 'reviewedText', 'template'],
  authors: ['authorKinds'],
  corrections: ['correctionKinds'],
  reading: ['dateline', 'lexicalText', 'readingMetadata'],
  regions: ['breadcrumbs', 'isoCodes', 'regionTypes'],
  relatedLinks: ['linkTypes'],
  slugs: ['toSlug'],
  sponsors: ['disclosureLabel', 'placements'],
}
// Patterns match at any depth (`../x/`, `../../x/`), so nested folders are held too.
const pureOf = (feature) => (pureModules[feature] ?? []).map((name) => `!**/${feature}/${name}.js`)
const internalsOf = (feature) => [`**/${feature}/*`, `!**/${feature}/index.js`, ...pureOf(feature)]
const restrict = (patterns, message) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: [{ allowTypeImports: true, group: patterns, message }] },
  ],
})

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      '.bench/**',
      'test-results/**',
      'dev/.next*/**',
      '.next*/**',
      'dev/payload-types.ts',
      'dev/app/(payload)/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Payload's documents are loosely typed JSON in places; `any` is allowed where they are read.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/guards/**', 'src/postgres/**', 'src/i18n/**'],
    rules: restrict(
      [...features, 'delivery', 'admin'].map((folder) => `**/${folder}/*`),
      'Shared machinery (guards, postgres, i18n) does not import a feature, the read path or the admin.',
    ),
  },
  ...features.map((feature) => ({
    files: [`src/${feature}/**`],
    rules: restrict(
      features.filter((other) => other !== feature).flatMap(internalsOf),
      'A feature uses another feature through its index.ts (or its pure rules), never its internals.',
    ),
  })),
  {
    files: ['src/*.ts'],
    rules: restrict(
      features.flatMap(internalsOf),
      'The entry point and the shared root modules use a feature through its index.ts.',
    ),
  },
  {
    files: ['src/delivery/**', 'src/admin/**'],
    rules: restrict(
      features.flatMap((feature) => [`**/${feature}/*`, ...pureOf(feature)]),
      'The read path and the admin use pure rules only, never a collection config, a field or a hook.',
    ),
  },
)
