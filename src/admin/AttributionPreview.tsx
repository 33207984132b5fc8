'use client'

import { useFormFields, useLocale } from '@payloadcms/ui'
import React from 'react'

import type { NewsroomTranslationKey } from '../i18n/en.js'

import {
  type AiUsage,
  attributionFor,
  needsSourceUrl,
  type NoticeTemplates,
  type SourceKind,
} from '../attribution/notice.js'
import { checkUrl, MAX_URL_LENGTH, type UrlProblem } from '../guards/url.js'
import { boxStyle, factsStyle, PreviewPanel, termStyle, warningStyle } from './PreviewPanel.js'
import { readerLocaleFor } from './readerLocale.js'
import { useNewsroomTranslation } from './translation.js'

export type AttributionPreviewProps = {
  /** The notice templates per reader locale, as the server renders them (custom ones included). */
  templates: Record<string, NoticeTemplates>
}

const problemMessage: Record<UrlProblem, NewsroomTranslationKey> = {
  malformed: 'errorUrlMalformed',
  protocol: 'errorUrlProtocol',
  tooLong: 'errorUrlTooLong',
}

const text = (value: unknown): null | string => (typeof value === 'string' ? value : null)

/**
 * The attribution notice (EU AI Act Art. 50) as readers will see it, rendered live from the
 * form with the same pure function the server uses, and a warning while publishing would be
 * refused for want of the source link.
 */
export function AttributionPreview({ templates }: AttributionPreviewProps) {
  const { t } = useNewsroomTranslation()
  const { code: contentLocale } = useLocale() as { code?: string }
  const usage = useFormFields(([fields]) => fields['ai.usage']?.value) as AiUsage | null | undefined
  const humanReviewed = useFormFields(([fields]) => fields['ai.humanReviewed']?.value)
  const kind = useFormFields(([fields]) => fields['source.kind']?.value) as null | SourceKind | undefined
  const name = text(useFormFields(([fields]) => fields['source.name']?.value))
  // The server trims the URL before it checks it.
  const url = text(useFormFields(([fields]) => fields['source.url']?.value))?.trim() || null

  const problem = url ? checkUrl(url) : null
  const facts = {
    ai: { humanReviewed: Boolean(humanReviewed), usage },
    // An unsafe URL is never stored, so it is never linked either.
    source: { kind, name, url: problem ? null : url },
  }
  // Not the admin's language: an English-speaking editor of a German site would see an English
  // preview above the German notice the server stored (and readers get).
  const locale = readerLocaleFor(Object.keys(templates), contentLocale)
  const attribution = attributionFor(facts, templates[locale] ?? templates.de!)
  const missingUrl = needsSourceUrl(facts) && !url

  return (
    <PreviewPanel
      description={t('attributionPreviewDescription')}
      label={t('attributionPreview')}
      testId="attribution-preview"
    >
      <div data-required={attribution.required} style={boxStyle}>
        {attribution.required ? (
          <>
            <p data-testid="attribution-notice" lang={locale} role="note" style={{ margin: 0 }}>
              {(attribution.segments ?? []).map((segment, index) =>
                segment.href ? (
                  // A new tab: following the source must not leave unsaved edits behind.
                  <a href={segment.href} key={index} rel="noopener noreferrer" target="_blank">
                    {segment.text}
                  </a>
                ) : (
                  <React.Fragment key={index}>{segment.text}</React.Fragment>
                ),
              )}
            </p>
            <dl style={factsStyle}>
              <dt style={termStyle}>{t('attributionPlacement')}</dt>
              <dd
                data-placement={attribution.placement}
                data-testid="attribution-placement"
                style={{ margin: 0 }}
              >
                {t(attribution.placement === 'top' ? 'placementTop' : 'placementBottom')}
              </dd>
              {attribution.digitalSourceType ? (
                <>
                  <dt style={termStyle}>{t('digitalSourceType')}</dt>
                  <dd data-testid="attribution-source-type" style={{ margin: 0, overflowWrap: 'anywhere' }}>
                    <code style={{ fontSize: '0.9em' }} title={attribution.digitalSourceType}>
                      {attribution.digitalSourceType.split('/').at(-1)}
                    </code>
                  </dd>
                </>
              ) : null}
            </dl>
          </>
        ) : (
          <p data-testid="attribution-not-required" style={{ margin: 0 }}>
            {t('attributionNotRequired')}
          </p>
        )}
      </div>
      {missingUrl || problem ? (
        <p
          data-problem={problem ?? 'missing'}
          data-testid="attribution-warning"
          role="alert"
          style={warningStyle}
        >
          {problem ? t(problemMessage[problem], { max: MAX_URL_LENGTH }) : t('attributionMissingSourceUrl')}
        </p>
      ) : null}
    </PreviewPanel>
  )
}
