'use client'

import React, { useEffect, useState } from 'react'

type Props = { ariaLabel: string; label: string; showAfterPx: number; targetId: string }

/**
 * A real button (Enter and Space work) that appears once the reader has scrolled past
 * `showAfterPx`, scrolls back up and puts keyboard focus on the top of the article, so the next
 * Tab continues from there instead of from the bottom of the page.
 *
 * It stays mounted and is `hidden` (out of sight, the tab order and the accessibility tree) only
 * while it neither is past the threshold nor has focus: removing or hiding a focused button would
 * drop keyboard focus to <body>. site.css keeps focused elements clear of it (WCAG 2.4.11).
 */
export function BackToTop({ ariaLabel, label, showAfterPx, targetId }: Props) {
  const [scrolledPast, setScrolledPast] = useState(false)
  const [focused, setFocused] = useState(false)

  useEffect(() => {
    const update = () => setScrolledPast(window.scrollY > showAfterPx)
    update()
    window.addEventListener('scroll', update, { passive: true })
    return () => window.removeEventListener('scroll', update)
  }, [showAfterPx])

  function backToTop() {
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    window.scrollTo({ behavior: reduceMotion ? 'auto' : 'smooth', top: 0 })
    // preventScroll: focusing must not cut the smooth scroll short with a jump.
    document.getElementById(targetId)?.focus({ preventScroll: true })
  }

  return (
    <button
      aria-label={ariaLabel}
      className="back-to-top"
      hidden={!scrolledPast && !focused}
      // A window that loses focus blurs the button but leaves it the document's active element:
      // it must stay shown for when the reader comes back.
      onBlur={(event) => setFocused(document.activeElement === event.currentTarget)}
      onClick={backToTop}
      onFocus={() => setFocused(true)}
      type="button"
    >
      <span aria-hidden="true" className="back-to-top-arrow">
        ↑
      </span>{' '}
      {label}
    </button>
  )
}
