import type { NoticeTemplates } from './notice.js'

import { IPTC } from './notice.js'

export const imageAiUsages = ['none', 'generated', 'edited'] as const
export type ImageAiUsage = (typeof imageAiUsages)[number]

/** The label an AI-made or AI-altered image carries wherever it shows, or null. */
export type ImageAiLabel = { digitalSourceType: string; label: string }

/**
 * The lead image's label. Images have no editorial exemption (EU AI Act Art. 50(4), first
 * subparagraph: deep fakes; Pressekodex Richtlinie 2.2): a review of the text never removes it.
 * An unknown value (hooks run before validation) labels as generated, never as none.
 */
export const imageAiFor = (usage: unknown, templates: NoticeTemplates): ImageAiLabel | null => {
  if (usage === 'none' || usage === null || usage === undefined) return null
  return usage === 'edited'
    ? { digitalSourceType: IPTC.composite, label: templates.imageEdited }
    : { digitalSourceType: IPTC.trained, label: templates.imageGenerated }
}
