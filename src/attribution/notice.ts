import {
  mergeSegments,
  type NoticeSegment,
  renderTemplate,
  segmentsToText,
  type SourceRef,
} from './template.js'

export const attributionCases = ['rewritten', 'generated', 'edited', 'sourced'] as const
export type AttributionCase = (typeof attributionCases)[number]
export type TemplateKey = 'sourceSuffix' | AttributionCase
export type NoticeTemplates = Record<TemplateKey, string>

export const aiUsages = ['none', 'rewritten', 'generated', 'edited'] as const
export type AiUsage = (typeof aiUsages)[number]
export const sourceKinds = ['staff', 'wire', 'external'] as const
export type SourceKind = (typeof sourceKinds)[number]
/** Where the notice stands: at first exposure, or after the text. */
export const noticePlacements = ['top', 'bottom'] as const
export type NoticePlacement = (typeof noticePlacements)[number]

/** The stored facts a notice is rendered from. */
export type AttributionFacts = {
  ai?: { humanReviewed?: boolean | null; usage?: AiUsage | null } | null
  source?: ({ kind?: null | SourceKind } & SourceRef) | null
}

export type Attribution = {
  digitalSourceType: null | string
  notice: null | string
  placement: NoticePlacement | null
  required: boolean
  segments: NoticeSegment[] | null
  sourceUrl: null | string
}

/** IPTC NewsCodes digital source types (the vocabulary C2PA and schema.org build on). */
export const IPTC = {
  composite: 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia',
  trained: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
} as const

const digitalSourceTypes: Record<AttributionCase, null | string> = {
  edited: IPTC.composite,
  generated: IPTC.trained,
  rewritten: IPTC.trained,
  sourced: null,
}

export const noAttribution: Attribution = {
  digitalSourceType: null,
  notice: null,
  placement: null,
  required: false,
  segments: null,
  sourceUrl: null,
}

/** Which notice an article needs, or null: AI use decides first, then wire or external copy. */
export const attributionCaseOf = (facts: AttributionFacts): AttributionCase | null => {
  const usage = facts.ai?.usage ?? 'none'
  // Hooks run before Payload validates the select: an unknown value computes as AI text, never as none.
  if (usage !== 'none') return (attributionCases as readonly string[]).includes(usage) ? usage : 'generated'
  const kind = facts.source?.kind ?? 'staff'
  return kind === 'wire' || kind === 'external' ? 'sourced' : null
}

/** Publishing needs a source link when the text was taken from one: rewritten, wire or external copy. */
export const needsSourceUrl = (facts: AttributionFacts): boolean => {
  const kind = facts.source?.kind ?? 'staff'
  return facts.ai?.usage === 'rewritten' || kind === 'wire' || kind === 'external'
}

/**
 * The notice for an article (EU AI Act Art. 50(4)): AI text is labelled at first exposure
 * (`top`) unless a human reviewed it and took editorial responsibility (Art. 50(4), second
 * subparagraph), which lets the notice move to the `bottom`; plain sourcing goes to the bottom.
 */
export const attributionFor = (facts: AttributionFacts, templates: NoticeTemplates): Attribution => {
  const attributionCase = attributionCaseOf(facts)
  if (!attributionCase) return noAttribution
  const source: SourceRef = { name: facts.source?.name, url: facts.source?.url || null }
  const withSuffix = (attributionCase === 'generated' || attributionCase === 'edited') && Boolean(source.url)
  const segments = mergeSegments([
    ...renderTemplate(templates[attributionCase], source),
    ...(withSuffix ? [{ text: ' ' }, ...renderTemplate(templates.sourceSuffix, source)] : []),
  ])
  const isAi = attributionCase !== 'sourced'
  return {
    digitalSourceType: digitalSourceTypes[attributionCase],
    notice: segmentsToText(segments),
    placement: isAi && !facts.ai?.humanReviewed ? 'top' : 'bottom',
    required: true,
    segments,
    sourceUrl: source.url ?? null,
  }
}
