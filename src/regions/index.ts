// What the rest of the plugin may use from regions/.
export type { Breadcrumb } from './breadcrumbs.js'
export { regionsCollection } from './collection.js'
export type { RegionType } from './regionTypes.js'
