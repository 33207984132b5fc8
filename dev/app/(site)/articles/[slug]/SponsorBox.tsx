import type { ArticlePage } from 'payload-newsroom'

import React from 'react'

import { safeHref } from './RichText.js'

/**
 * Paid links, each marked with its disclosure label and `rel="sponsored"` (§ 22 MStV, Pressekodex 7).
 * The label is part of the link, so its accessible name says "Anzeige" too, not only the eye.
 */
export function SponsorBox({ sponsors }: { sponsors: ArticlePage['sponsors'] }) {
  if (sponsors.length === 0) return null
  return (
    <aside aria-label={sponsors[0].disclosureLabel} className="sponsor-box">
      <ul>
        {sponsors.map((sponsor) => (
          <li className="sponsor" key={sponsor.id}>
            <a href={safeHref(sponsor.url)} rel={sponsor.rel}>
              <span className="ad-label">{sponsor.disclosureLabel}</span>
              {sponsor.logo ? (
                // The sponsor's name follows as the link text, so the logo is decoration.
                <img
                  alt=""
                  className="sponsor-logo"
                  height={sponsor.logo.height ?? undefined}
                  src={sponsor.logo.url}
                  width={sponsor.logo.width ?? undefined}
                />
              ) : null}
              <span className="sponsor-name">{sponsor.name}</span>
            </a>
          </li>
        ))}
      </ul>
    </aside>
  )
}
