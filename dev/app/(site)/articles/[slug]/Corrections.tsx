import type { ArticlePage } from 'payload-newsroom'

import React from 'react'

import { formatLongDateTime } from './dates.js'

/**
 * The article's published notes of one placement: "Korrektur, 3. Mai 2026, 14:10 Uhr: …". The top
 * block holds a retraction and counterstatements; a counterstatement stands as sent, alone in its
 * box, so no note of the editors is attached to it (§ 20 MStV).
 */
export function Corrections({
  corrections,
  placement,
}: {
  corrections: ArticlePage['corrections']
  placement: 'bottom' | 'top'
}) {
  const shown = corrections.filter((note) => note.placement === placement)
  if (shown.length === 0) return null
  return (
    <section
      aria-label={placement === 'top' ? 'Hinweise zu diesem Artikel' : 'Korrekturen'}
      className={`corrections corrections--${placement}`}
    >
      {shown.map((note) => (
        <p className={`correction correction--${note.kind}`} key={`${note.kind}-${note.at}`}>
          <strong>
            {note.label}, <time dateTime={note.at}>{formatLongDateTime(note.at)}</time>:
          </strong>{' '}
          {note.text}
        </p>
      ))}
    </section>
  )
}
