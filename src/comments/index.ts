// What the rest of the plugin may use from comments/.
export { clearIpHashesTask } from './clearIpHashes.js'
export { commentsCollection } from './collection.js'
export type { CommentStatus } from './moderation.js'
