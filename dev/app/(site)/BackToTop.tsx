'use client'

import React, { useEffect, useState } from 'react'

type Props = { ariaLabel: string; label: string; showAfterPx: number; targetId: string }

/**
 * A real button (Enter and Space work) that appears once the reader has scrolled past
 * `showAfterPx`, scrolls back up and puts keyboard focus on the top of the article, so the next
 * Tab continues from there instead of from the bottom of the page.
 */
export function BackToTop({ ariaLabel, label, showAfterPx, targetId }: Props) {
  const [visible, setVisible] = useState(false)

  useEffect(() => {
    const update = () => setVisible(window.scrollY > showAfterPx)
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

  if (!visible) return null
  return (
    <button aria-label={ariaLabel} className="back-to-top" onClick={backToTop} type="button">
      <span aria-hidden="true" className="back-to-top-arrow">
        ↑
      </span>{' '}
      {label}
    </button>
  )
}
