export { IMPORT_CONTEXT, type ImportedFrom, importedFromField, isImport } from './importedFrom.js'
export { IMPORT_WXR_TASK, importWxrTask } from './importTask.js'
export { DEFAULT_DECLARATION_PATTERNS, type DeclarationPattern } from './wxr/declarations.js'
export {
  type ImportEntry,
  type ImportOutcome,
  type ImportReport,
  runImport,
  type RunImportArgs,
} from './runImport.js'
