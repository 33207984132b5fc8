// What the rest of the plugin may use from corrections/.
export {
  type CorrectionKind,
  correctionKinds,
  type CorrectionPlacement,
  isRetracted,
  placementOf,
  readerOrder,
} from './correctionKinds.js'
export { correctionFields } from './fields.js'
export { enforceCorrections, keepNotesOnRestore, startNotesLock } from './hooks.js'
