// ESLint for the plugin, the dev app and the tests: the recommended JavaScript and TypeScript
// rules, plus the dependency direction of our layout (CONTRIBUTING.md): shared machinery never
// imports a feature, and the read path and the admin never import a write hook.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const features = [
  'articles',
  'attribution',
  'comments',
  'reading',
  'regions',
  'relatedLinks',
  'slugs',
  'sponsors',
]
const writeHooks = [
  'articles/collection',
  'articles/publishedAt',
  'attribution/hooks',
  'comments/collection',
  'comments/submission',
  'reading/hooks',
  'regions/collection',
  'regions/tree',
  'relatedLinks/collection',
  'relatedLinks/rules',
  'relatedLinks/visibility',
  'slugs/uniqueSlug',
  'sponsors/collection',
  'sponsors/enforceSponsorLabel',
]
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
      [...features, 'delivery', 'admin'].map((folder) => `../${folder}/*`),
      'Shared machinery (guards, postgres, i18n) does not import a feature, the read path or the admin.',
    ),
  },
  {
    files: ['src/delivery/**', 'src/admin/**'],
    rules: restrict(
      writeHooks.map((module) => `../${module}.js`),
      'The read path and the admin use pure modules only, never a collection config or a write hook.',
    ),
  },
)
