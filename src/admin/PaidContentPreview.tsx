'use client'

import { useFormFields, useLocale } from '@payloadcms/ui'
import React from 'react'

import { disclosureLabelFor } from '../sponsors/disclosureLabel.js'
import { boxStyle, PreviewPanel, warningStyle } from './PreviewPanel.js'
import { readerLocaleFor } from './readerLocale.js'
import { useNewsroomTranslation } from './translation.js'

export type PaidContentPreviewProps = {
  /** The disclosure label per locale: what paid articles carry with their title. */
  disclosureLabels: Record<string, string>
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

/**
 * A paid article as pages, lists and feeds show it: the disclosure label before its title, and a
 * warning while no advertiser is chosen (publishing needs one). Nothing while the article is not paid.
 */
export function PaidContentPreview({ disclosureLabels }: PaidContentPreviewProps) {
  const { t } = useNewsroomTranslation()
  const { code: contentLocale } = useLocale() as { code?: string }
  const paid = useFormFields(([fields]) => fields.paidContent?.value) === true
  const title = text(useFormFields(([fields]) => fields.title?.value))
  const paidBy = useFormFields(([fields]) => fields.paidBy?.value)
  if (!paid) return null
  const locale = readerLocaleFor(Object.keys(disclosureLabels), contentLocale)
  const label = disclosureLabelFor(disclosureLabels, locale)

  return (
    <PreviewPanel description={t('paidPreviewDescription')} label={t('paidPreview')} testId="paid-preview">
      <p data-testid="paid-preview-title" lang={locale} style={{ ...boxStyle, margin: 0 }}>
        <strong>{label}:</strong> {title}
      </p>
      {paidBy === null || paidBy === undefined || paidBy === '' ? (
        <p data-testid="paid-preview-warning" role="alert" style={warningStyle}>
          {t('paidPreviewNoAdvertiser')}
        </p>
      ) : null}
    </PreviewPanel>
  )
}
