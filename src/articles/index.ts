// What the rest of the plugin may use from articles/.
export { articlesCollection } from './collection.js'
