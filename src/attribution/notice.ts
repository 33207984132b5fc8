import {
  type EditorialContact,
  mergeSegments,
  type NoticeSegment,
  renderTemplate,
  segmentsToText,
  type SourceRef,
} from './template.js'

export const attributionCases = ['rewritten', 'generated', 'edited', 'sourced'] as const
export type AttributionCase = (typeof attributionCases)[number]
/**
 * `sourceSuffix` follows generated and edited text that has a source; `reviewedSuffix` follows AI
 * text while a human review stands; `responsible` follows that, naming `site.editorialContact`.
 * `imageGenerated` and `imageEdited` label an AI-made or AI-altered lead image.
 */
export const templateKeys = [
  ...attributionCases,
  'sourceSuffix',
  'reviewedSuffix',
  'responsible',
  'imageGenerated',
  'imageEdited',
] as const
export type TemplateKey = (typeof templateKeys)[number]
export type NoticeTemplates = Record<TemplateKey, string>

export const aiUsages = ['none', 'rewritten', 'generated', 'edited'] as const
export type AiUsage = (typeof aiUsages)[number]
export const sourceKinds = ['staff', 'wire', 'external'] as const
export type SourceKind = (typeof sourceKinds)[number]
/** Where the notice stands: at first exposure, or after the text. */
export const noticePlacements = ['top', 'bottom'] as const
export type NoticePlacement = (typeof noticePlacements)[number]

/**
 * What the AI Act asks of the text: `disclose` (Art. 50(4): AI text published to inform the public
 * is labelled), `exempt` (a human review and editorial responsibility stand, second subparagraph),
 * or null when no AI was used.
 */
export const aiActStates = ['disclose', 'exempt'] as const
export type AiActState = (typeof aiActStates)[number]

/** The stored facts a notice is rendered from. */
export type AttributionFacts = {
  ai?: {
    humanReviewed?: boolean | null
    reviewedAt?: null | string
    reviewHash?: null | string
    usage?: AiUsage | null
  } | null
  source?: ({ kind?: null | SourceKind } & SourceRef) | null
}

export type Attribution = {
  aiAct: AiActState | null
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
  aiAct: null,
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
 * A review stands when the server recorded it (a time and the hash of the reviewed text, set with
 * the reviewer) and has not cleared it since: the save that changes the text clears it (see
 * review.ts). A tick without that record, as 0.1 stored it, is no review.
 */
export const reviewStands = (ai: AttributionFacts['ai']): boolean =>
  Boolean(ai?.humanReviewed && ai.reviewedAt && ai.reviewHash)

/**
 * The notice for an article (EU AI Act Art. 50(4)). AI text is labelled at first exposure (`top`,
 * Art. 50(5)) unless a human review stands and the publisher holds editorial responsibility
 * (Art. 50(4), second subparagraph; Commission guidelines para 133-136): then the exemption
 * applies, and the voluntary notice moves to the `bottom` with the reviewed wording, visibly
 * different from the mandatory one. Plain sourcing goes to the bottom.
 */
export const attributionFor = (
  facts: AttributionFacts,
  templates: NoticeTemplates,
  contact?: EditorialContact,
): Attribution => {
  const attributionCase = attributionCaseOf(facts)
  if (!attributionCase) return noAttribution
  const source: SourceRef = { name: facts.source?.name, url: facts.source?.url || null }
  const withSuffix = (attributionCase === 'generated' || attributionCase === 'edited') && Boolean(source.url)
  const isAi = attributionCase !== 'sourced'
  const exempt = isAi && reviewStands(facts.ai)
  const then = (template: string) => [{ text: ' ' }, ...renderTemplate(template, source, contact)]
  const segments = mergeSegments([
    ...renderTemplate(templates[attributionCase], source),
    ...(withSuffix ? then(templates.sourceSuffix) : []),
    ...(exempt ? then(templates.reviewedSuffix) : []),
    ...(exempt && contact?.name ? then(templates.responsible) : []),
  ])
  return {
    aiAct: isAi ? (exempt ? 'exempt' : 'disclose') : null,
    digitalSourceType: digitalSourceTypes[attributionCase],
    notice: segmentsToText(segments),
    placement: isAi && !exempt ? 'top' : 'bottom',
    required: true,
    segments,
    sourceUrl: source.url ?? null,
  }
}
