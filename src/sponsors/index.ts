// What the rest of the plugin may use from sponsors/.
export { sponsorsCollection } from './collection.js'
export { requireAdvertiser } from './paidContent.js'
export type { SponsorPlacement } from './placements.js'
