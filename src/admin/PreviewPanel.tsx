'use client'

import React, { type CSSProperties, useId } from 'react'

// Payload's theme variables, so the panels follow the admin's light and dark themes.
const headingStyle: CSSProperties = {
  color: 'var(--theme-elevation-800)',
  font: 'inherit',
  margin: 0,
  paddingBottom: 'calc(var(--base) / 4)',
}

export const boxStyle: CSSProperties = {
  background: 'var(--theme-elevation-50)',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-s)',
  padding: 'calc(var(--base) * 0.75)',
}

export const warningStyle: CSSProperties = {
  background: 'var(--theme-warning-100)',
  border: '1px solid var(--theme-warning-400)',
  borderRadius: 'var(--style-radius-s)',
  color: 'var(--theme-elevation-900)',
  margin: 'calc(var(--base) / 2) 0 0',
  padding: 'calc(var(--base) / 2) calc(var(--base) * 0.75)',
}

export const factsStyle: CSSProperties = {
  display: 'grid',
  gap: 'calc(var(--base) / 4) calc(var(--base) / 2)',
  gridTemplateColumns: 'auto 1fr',
  margin: 'calc(var(--base) / 2) 0 0',
}

// elevation-600, not 500: the lighter grey fails WCAG AA contrast (4.5:1) on the box's background.
export const termStyle: CSSProperties = { color: 'var(--theme-elevation-600)' }

// Payload's own description grey is too light for AA contrast (2.8:1 on white).
const descriptionStyle: CSSProperties = { color: 'var(--theme-elevation-600)' }

type Props = {
  children: React.ReactNode
  description: string
  label: string
  testId: string
}

/** A sidebar panel shaped like a Payload field: heading, content, description underneath. */
export function PreviewPanel({ children, description, label, testId }: Props) {
  const headingId = useId()
  return (
    // A div like Payload's own fields: `.render-fields > .field-type:last-of-type` drops the margin
    // of the last element of its tag, which a lone <section> always is.
    <div
      aria-labelledby={headingId}
      className="field-type newsroom-preview"
      data-testid={testId}
      role="group"
    >
      <h3 id={headingId} style={headingStyle}>
        {label}
      </h3>
      {children}
      <div className="field-description" style={descriptionStyle}>
        {description}
      </div>
    </div>
  )
}
