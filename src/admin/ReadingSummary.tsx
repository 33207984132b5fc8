'use client'

import { useFormFields } from '@payloadcms/ui'
import React, { useMemo } from 'react'

import { readingMetadataFor } from '../reading/readingMetadata.js'
import { boxStyle, factsStyle, PreviewPanel, termStyle } from './PreviewPanel.js'
import { useNewsroomTranslation } from './translation.js'

export type ReadingSummaryProps = {
  /** `backToTop.minWords` from the plugin options: the button shows from this many words. */
  minWords: number
}

const text = (value: unknown): null | string => (typeof value === 'string' ? value : null)

/** Words, reading time and whether readers get the back-to-top button, counted live as the server will. */
export function ReadingSummary({ minWords }: ReadingSummaryProps) {
  const { language, t } = useNewsroomTranslation()
  const title = text(useFormFields(([fields]) => fields.title?.value))
  const subtitle = text(useFormFields(([fields]) => fields.subtitle?.value))
  const content = useFormFields(([fields]) => fields.content?.value)
  const { readingTimeMinutes, wordCount } = useMemo(
    () => readingMetadataFor({ content, subtitle, title }),
    [content, subtitle, title],
  )
  const backToTop = wordCount >= minWords
  const number = new Intl.NumberFormat(language)

  return (
    <PreviewPanel
      description={t('readingSummaryDescription')}
      label={t('readingSummary')}
      testId="reading-summary"
    >
      <dl style={{ ...boxStyle, ...factsStyle, marginTop: 0 }}>
        <dt style={termStyle}>{t('wordCount')}</dt>
        <dd data-testid="reading-words" data-value={wordCount} style={{ margin: 0 }}>
          {number.format(wordCount)}
        </dd>
        <dt style={termStyle}>{t('readingTime')}</dt>
        <dd data-testid="reading-time" data-value={readingTimeMinutes} style={{ margin: 0 }}>
          {t('readingTimeValue', { minutes: number.format(readingTimeMinutes) })}
        </dd>
        <dt style={termStyle}>{t('backToTop')}</dt>
        <dd data-enabled={backToTop} data-testid="reading-back-to-top" style={{ margin: 0 }}>
          {t(backToTop ? 'backToTopShown' : 'backToTopHidden', { minWords: number.format(minWords) })}
        </dd>
      </dl>
    </PreviewPanel>
  )
}
