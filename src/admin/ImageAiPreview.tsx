'use client'

import { useFormFields, useLocale } from '@payloadcms/ui'
import React from 'react'

import type { NoticeTemplates } from '../attribution/notice.js'

import { imageAiFor } from '../attribution/imageAi.js'
import { boxStyle, PreviewPanel } from './PreviewPanel.js'
import { readerLocaleFor } from './readerLocale.js'
import { useNewsroomTranslation } from './translation.js'

export type ImageAiPreviewProps = {
  /** The reader templates per locale (the image labels among them), as the server renders them. */
  templates: Record<string, Pick<NoticeTemplates, 'imageEdited' | 'imageGenerated'>>
}

const frameStyle: React.CSSProperties = {
  aspectRatio: '3 / 2',
  background: 'var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-s)',
  display: 'block',
  width: '100%',
}

/** The lead image's AI label as readers see it under the image, rendered live with the server's function. */
export function ImageAiPreview({ templates }: ImageAiPreviewProps) {
  const { t } = useNewsroomTranslation()
  const { code: contentLocale } = useLocale() as { code?: string }
  const usage = useFormFields(([fields]) => fields['imageAi.usage']?.value)
  const locale = readerLocaleFor(Object.keys(templates), contentLocale)
  const label = imageAiFor(usage ?? 'none', (templates[locale] ?? templates.de!) as NoticeTemplates)

  return (
    <PreviewPanel
      description={t('imageAiPreviewDescription')}
      label={t('imageAiPreview')}
      testId="image-ai-preview"
    >
      <figure style={{ ...boxStyle, margin: 0 }}>
        <span aria-hidden="true" style={frameStyle} />
        <figcaption data-testid="image-ai-label" lang={locale} style={{ marginTop: 'calc(var(--base) / 4)' }}>
          {label ? <strong>{label.label}</strong> : t('imageAiNoLabel')}
        </figcaption>
      </figure>
    </PreviewPanel>
  )
}
