'use client'

import { useFormFields, useLocale } from '@payloadcms/ui'
import React from 'react'

import { checkUrl } from '../guards/url.js'
import { allowedLabel, allowedLabelsFor } from '../sponsors/disclosureLabel.js'
import { boxStyle, PreviewPanel, warningStyle } from './PreviewPanel.js'
import { readerLocaleFor } from './readerLocale.js'
import { useNewsroomTranslation } from './translation.js'

export type SponsorLabelPreviewProps = {
  /** The labels each locale allows; another one is refused on save. */
  allowedLabels: Record<string, string[]>
  /** The default disclosure label per locale, which the server stores when the field is left blank. */
  disclosureLabels: Record<string, string>
  /** The `rel` every sponsor link carries. */
  rel: string
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

// Like the reader page's label: small, bordered, upper-case.
const badgeStyle: React.CSSProperties = {
  background: 'var(--theme-elevation-100)',
  border: '1px solid var(--theme-elevation-500)',
  borderRadius: '2px',
  color: 'var(--theme-elevation-800)',
  display: 'inline-block',
  fontSize: '0.75em',
  fontWeight: 700,
  letterSpacing: '0.08em',
  marginBottom: 'calc(var(--base) / 4)',
  padding: '0 calc(var(--base) / 4)',
  textTransform: 'uppercase',
}

/** The sponsor as readers see it: the disclosure label (§ 22 MStV, Pressekodex Ziffer 7) and the paid link. */
export function SponsorLabelPreview({ allowedLabels, disclosureLabels, rel }: SponsorLabelPreviewProps) {
  const { t } = useNewsroomTranslation()
  const { code: contentLocale } = useLocale() as { code?: string }
  const name = text(useFormFields(([fields]) => fields.name?.value))
  const url = text(useFormFields(([fields]) => fields.url?.value))
  const customLabel = text(useFormFields(([fields]) => fields.disclosureLabel?.value))
  // Like the server: a blank label becomes the locale's default label, German without localization.
  const locale = readerLocaleFor(Object.keys(disclosureLabels), contentLocale)
  const allowed = customLabel ? allowedLabel(customLabel, allowedLabels, locale) : disclosureLabels[locale]
  const href = url && !checkUrl(url) ? url : undefined

  return (
    <PreviewPanel
      description={t('sponsorPreviewDescription')}
      label={t('sponsorPreview')}
      testId="sponsor-preview"
    >
      <div style={boxStyle}>
        <span data-testid="sponsor-preview-label" style={badgeStyle}>
          {allowed ?? customLabel}
        </span>
        <div>
          {/* A new tab: following the link must not leave unsaved edits behind. */}
          <a
            data-testid="sponsor-preview-link"
            href={href}
            rel={rel}
            style={{ fontWeight: 600 }}
            target="_blank"
          >
            {name || t('sponsorPreviewNoName')}
          </a>
        </div>
      </div>
      {allowed ? null : (
        <p data-testid="sponsor-preview-warning" role="alert" style={warningStyle}>
          {t('errorLabelNotAllowed', {
            allowed: allowedLabelsFor(allowedLabels, locale).join(', '),
            label: customLabel,
          })}
        </p>
      )}
    </PreviewPanel>
  )
}
