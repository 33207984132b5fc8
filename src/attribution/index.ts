// What the rest of the plugin may use from attribution/.
export { attributionGroup, imageAiGroup } from './fields.js'
export { computeAttribution, renderAttribution } from './hooks.js'
export { type ImageAiLabel, type ImageAiUsage, imageAiUsages } from './imageAi.js'
export {
  type AiActState,
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
export { type EditorialContact, type NoticeSegment } from './template.js'
