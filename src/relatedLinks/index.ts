// What the rest of the plugin may use from relatedLinks/.
export { relatedLinksCollection } from './collection.js'
export type { LinkType } from './linkTypes.js'
export { deleteArticleDependents, syncLinkVisibility } from './visibility.js'
