export { IMPORT_CONTEXT, type ImportedFrom, importedFromField, isImport } from './importedFrom.js'
export { IMPORT_WXR_TASK, importWxrTask } from './importTask.js'
export {
  type ImportEntry,
  type ImportOutcome,
  type ImportReport,
  runImport,
  type RunImportArgs,
} from './runImport.js'
