// What the rest of the plugin may use from reading/.
export { layoutGroup } from './fields.js'
export { computeLayout, renderLayoutTexts } from './hooks.js'
export type { Heading } from './readingMetadata.js'
