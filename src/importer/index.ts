export { IMPORT_CONTEXT, type ImportedFrom, importedFromField, isImport } from './importedFrom.js'
