// What the rest of the plugin may use from attribution/.
export { attributionGroup } from './fields.js'
export { computeAttribution, renderAttribution } from './hooks.js'
export {
  type AiUsage,
  aiUsages,
  type Attribution,
  type AttributionCase,
  type NoticePlacement,
  type NoticeTemplates,
  type SourceKind,
  sourceKinds,
  type TemplateKey,
} from './notice.js'
export { hasSourcePlaceholder, type NoticeSegment } from './template.js'
