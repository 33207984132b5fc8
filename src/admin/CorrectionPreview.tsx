'use client'

import { useFormFields, useLocale } from '@payloadcms/ui'
import React from 'react'

import { type CorrectionKind, correctionKinds, placementOf } from '../corrections/correctionKinds.js'
import { boxStyle, PreviewPanel } from './PreviewPanel.js'
import { readerLocaleFor } from './readerLocale.js'
import { useNewsroomTranslation } from './translation.js'

export type CorrectionPreviewProps = {
  /** The reader's label of each kind of note, per locale, as delivery gives them. */
  labels: Record<string, Record<CorrectionKind, string>>
}

/** The note being added, as readers will see it: its label, the time of the save, its text and where it stands. */
export function CorrectionPreview({ labels }: CorrectionPreviewProps) {
  const { language, t } = useNewsroomTranslation()
  const { code: contentLocale } = useLocale() as { code?: string }
  const kindValue = useFormFields(([fields]) => fields['newCorrection.kind']?.value)
  const text = useFormFields(([fields]) => fields['newCorrection.text']?.value)
  const kind: CorrectionKind = correctionKinds.includes(kindValue as CorrectionKind)
    ? (kindValue as CorrectionKind)
    : 'correction'
  const locale = readerLocaleFor(Object.keys(labels), contentLocale)
  const written = typeof text === 'string' ? text.trim() : ''

  return (
    <PreviewPanel
      description={t('correctionPreviewDescription')}
      label={t('correctionPreview')}
      testId="correction-preview"
    >
      <div data-placement={placementOf(kind)} style={boxStyle}>
        {written ? (
          <p data-testid="correction-preview-text" lang={locale} style={{ margin: 0 }}>
            <strong>
              {(labels[locale] ?? labels.de!)[kind]},{' '}
              {new Date().toLocaleString(language, { dateStyle: 'long', timeStyle: 'short' })}:
            </strong>{' '}
            {written}
          </p>
        ) : (
          <p data-testid="correction-preview-empty" style={{ margin: 0 }}>
            {t('correctionPreviewEmpty')}
          </p>
        )}
        <p style={{ margin: 'calc(var(--base) / 4) 0 0' }}>
          {t(placementOf(kind) === 'top' ? 'placementTop' : 'placementBottom')}
        </p>
      </div>
    </PreviewPanel>
  )
}
