// What the rest of the plugin may use from authors/.
export { type AuthorKind, authorKinds } from './authorKinds.js'
export { authorsCollection } from './collection.js'
