/**
 * What a published article's notes can be. A `retraction` withdraws the article (it stays at its
 * address, the retraction first); a `counterstatement` is a Gegendarstellung (§ 20 MStV), printed
 * as sent, at the top, for as long as the article is online.
 */
export const correctionKinds = [
  'correction',
  'clarification',
  'update',
  'retraction',
  'counterstatement',
] as const
export type CorrectionKind = (typeof correctionKinds)[number]

/** Where readers see a note: retractions and counterstatements before the text, the rest after it. */
export type CorrectionPlacement = 'bottom' | 'top'

export const placementOf = (kind: CorrectionKind): CorrectionPlacement =>
  kind === 'retraction' || kind === 'counterstatement' ? 'top' : 'bottom'

/** A stored note: `at` and `by` are the server's. */
export type StoredCorrection = {
  at?: null | string
  by?: unknown
  id?: null | string
  kind?: CorrectionKind | null
  text?: null | string
}

const rank: Record<CorrectionKind, number> = {
  clarification: 2,
  correction: 2,
  counterstatement: 1,
  retraction: 0,
  update: 2,
}

/**
 * The order readers see the notes in: the retraction first, then counterstatements (last in the
 * top block, so nothing of the editors' follows a counterstatement directly: § 20 MStV keeps a
 * reply apart from it), then the others after the text, newest first.
 */
export const readerOrder = <T extends { at?: null | string; kind?: CorrectionKind | null }>(
  items: T[],
): T[] =>
  items
    .map((item, index) => ({ index, item }))
    .sort((a, b) => {
      const byRank = rank[a.item.kind ?? 'correction'] - rank[b.item.kind ?? 'correction']
      if (byRank !== 0) return byRank
      // By the server's time, not the stored order, which a client could rearrange: the top block
      // oldest first, the others newest first.
      const byTime = String(b.item.at ?? '').localeCompare(String(a.item.at ?? ''))
      return rank[a.item.kind ?? 'correction'] === 2
        ? byTime || b.index - a.index
        : -byTime || a.index - b.index
    })
    .map(({ item }) => item)

/** Is the article withdrawn? */
export const isRetracted = (items: StoredCorrection[] | null | undefined): boolean =>
  Array.isArray(items) && items.some((item) => item?.kind === 'retraction')

export type CorrectionProblem = { index: number; kind: 'changed' | 'kindChanged' | 'removed' }

/**
 * What a save would undo of the published notes: each stored note must still be there (matched by
 * its id) with its kind and its text in this locale. A text may be added where a locale had none.
 */
export const appendOnlyProblems = (
  stored: StoredCorrection[],
  sent: StoredCorrection[],
): CorrectionProblem[] => {
  const sentByID = new Map(sent.map((item, index) => [String(item?.id ?? ''), { index, item }]))
  const problems: CorrectionProblem[] = []
  stored.forEach((before, storedIndex) => {
    const after = sentByID.get(String(before.id ?? ''))
    if (!before.id || !after) {
      problems.push({ index: storedIndex, kind: 'removed' })
      return
    }
    // Left out, the stored kind stands; sent as null or as another kind, it is a change.
    if (after.item.kind !== undefined && after.item.kind !== before.kind) {
      problems.push({ index: after.index, kind: 'kindChanged' })
    }
    const wasText = typeof before.text === 'string' ? before.text.trim() : ''
    const isText = typeof after.item.text === 'string' ? after.item.text.trim() : ''
    if (wasText && isText !== wasText) problems.push({ index: after.index, kind: 'changed' })
  })
  return problems
}
