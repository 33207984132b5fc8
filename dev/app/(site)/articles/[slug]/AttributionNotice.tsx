import type { Attribution } from 'payload-newsroom'

import React from 'react'

import { safeHref } from './RichText.js'

/** The AI / source notice, built from its segments: the source part is a link, the rest plain text. */
export function AttributionNotice({ attribution }: { attribution: Attribution }) {
  const segments = attribution.segments ?? [{ text: attribution.notice ?? '' }]
  return (
    <p className={`attribution attribution--${attribution.placement ?? 'top'}`} role="note">
      {segments.map((segment, index) => {
        // The editorial contact may be an address: mailto is the one other scheme a notice links.
        const href =
          safeHref(segment.href) ?? (segment.href?.startsWith('mailto:') ? segment.href : undefined)
        return href ? (
          <a href={href} key={index} rel="noopener">
            {segment.text}
          </a>
        ) : (
          <React.Fragment key={index}>{segment.text}</React.Fragment>
        )
      })}
    </p>
  )
}
