'use client'

import { useFormFields, useLocale } from '@payloadcms/ui'
import React, { useMemo } from 'react'

import type { NewsroomTranslationKey } from '../i18n/en.js'

import {
  type AiUsage,
  attributionFor,
  needsSourceUrl,
  type NoticeTemplates,
  type SourceKind,
} from '../attribution/notice.js'
import { reviewedTextOf } from '../attribution/reviewedText.js'
import { type EditorialContact } from '../attribution/template.js'
import { checkUrl, MAX_URL_LENGTH, type UrlProblem } from '../guards/url.js'
import { boxStyle, factsStyle, PreviewPanel, termStyle, warningStyle } from './PreviewPanel.js'
import { readerLocaleFor } from './readerLocale.js'
import { useNewsroomTranslation } from './translation.js'

export type AttributionPreviewProps = {
  /** `site.editorialContact`, named in the reviewed wording. */
  contact?: EditorialContact
  /** The notice templates per reader locale, as the server renders them (custom ones included). */
  templates: Record<string, NoticeTemplates>
}

type FieldState = { initialValue?: unknown; value?: unknown } | undefined

/** What the form holds and what it held when loaded: a review is about the text as saved. */
const useField = (path: string) =>
  useFormFields(([fields]) => fields[path] as FieldState) ?? ({} as NonNullable<FieldState>)

/**
 * The review as the next save leaves it (see attribution/review.ts): a standing review survives only
 * an unchanged text; a tick on an article without one is confirmed by the save.
 */
type ReviewState = 'none' | 'pending' | 'standing' | 'voided'

const reviewStateOf = ({
  changed,
  storedStanding,
  ticked,
}: {
  changed: boolean
  storedStanding: boolean
  ticked: boolean
}): ReviewState => {
  if (storedStanding) return changed ? 'voided' : ticked ? 'standing' : 'none'
  return ticked ? 'pending' : 'none'
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
export function AttributionPreview({ contact, templates }: AttributionPreviewProps) {
  const { language, t } = useNewsroomTranslation()
  const { code: contentLocale } = useLocale() as { code?: string }
  const usageField = useField('ai.usage')
  const usage = usageField.value as AiUsage | null | undefined
  const reviewedField = useField('ai.humanReviewed')
  const reviewedAt = text(useField('ai.reviewedAt').initialValue)
  const reviewerName = text(useField('ai.reviewerName').initialValue)
  const reviewHash = text(useField('ai.reviewHash').initialValue)
  const title = useField('title')
  const subtitle = useField('subtitle')
  const content = useField('content')
  const changed = useMemo(
    () =>
      reviewedTextOf(usage, {
        '': { content: content.value, subtitle: text(subtitle.value), title: text(title.value) },
      }) !==
      reviewedTextOf(usageField.initialValue, {
        '': {
          content: content.initialValue,
          subtitle: text(subtitle.initialValue),
          title: text(title.initialValue),
        },
      }),
    [usage, usageField.initialValue, content, subtitle, title],
  )
  const review = reviewStateOf({
    changed,
    storedStanding: Boolean(reviewedField.initialValue && reviewedAt && reviewHash),
    ticked: reviewedField.value === true,
  })
  const kind = useFormFields(([fields]) => fields['source.kind']?.value) as null | SourceKind | undefined
  const name = text(useFormFields(([fields]) => fields['source.name']?.value))
  // The server trims the URL before it checks it.
  const url = text(useFormFields(([fields]) => fields['source.url']?.value))?.trim() || null

  const problem = url ? checkUrl(url) : null
  const exempt = review === 'standing' || review === 'pending'
  const facts = {
    // A pending review is recorded by the save: the preview shows the wording it will get.
    ai: {
      humanReviewed: exempt,
      reviewedAt: exempt ? (reviewedAt ?? 'pending') : null,
      reviewHash: exempt ? (reviewHash ?? 'pending') : null,
      usage,
    },
    // An unsafe URL is never stored, so it is never linked either.
    source: { kind, name, url: problem ? null : url },
  }
  // Not the admin's language: an English-speaking editor of a German site would see an English
  // preview above the German notice the server stored (and readers get).
  const locale = readerLocaleFor(Object.keys(templates), contentLocale)
  const attribution = attributionFor(facts, templates[locale] ?? templates.de!, contact)
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
              {attribution.aiAct ? (
                <>
                  <dt style={termStyle}>{t('reviewState')}</dt>
                  <dd data-review={review} data-testid="attribution-review" style={{ margin: 0 }}>
                    {review === 'standing'
                      ? t('reviewStanding', {
                          date: reviewedAt ? new Date(reviewedAt).toLocaleString(language) : '',
                          name: reviewerName ?? '?',
                        })
                      : t(
                          review === 'pending'
                            ? 'reviewPending'
                            : review === 'voided'
                              ? 'reviewVoidedByEdit'
                              : 'reviewNone',
                        )}
                  </dd>
                </>
              ) : null}
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
