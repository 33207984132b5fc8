// What the rest of the plugin may use from slugs/.
export { newsroomSlugField } from './slugField.js'
export { toSlug } from './toSlug.js'
export { ensureUniqueSlug, startUniqueSlug } from './uniqueSlug.js'
