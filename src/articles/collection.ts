import type { CollectionConfig, Field, PayloadRequest } from 'payload'

import { newsroomCollection } from '../collection.js'
import {
  aiUsages,
  attributionGroup,
  computeAttribution,
  imageAiGroup,
  renderAttribution,
  sourceKinds,
} from '../attribution/index.js'
import {
  correctionFields,
  enforceCorrections,
  keepNotesOnRestore,
  startNotesLock,
} from '../corrections/index.js'
import { computeLayout, layoutGroup, renderLayoutTexts } from '../reading/index.js'
import { deleteArticleDependents, syncLinkVisibility } from '../relatedLinks/index.js'
import { ensureUniqueSlug, newsroomSlugField, startUniqueSlug } from '../slugs/index.js'
import { requireAdvertiser } from '../sponsors/index.js'
import { previewField } from '../admin/previewField.js'
import { importedFromField } from '../importer/index.js'
import { urlField } from '../guards/urlField.js'
import { setPublishedAt } from './publishedAt.js'
import { selectOptions, t } from '../i18n/index.js'
import type { ResolvedOptions } from '../options.js'

export const articlesCollection = (options: ResolvedOptions): CollectionConfig => {
  const { articles, comments, regions, relatedLinks, sponsors } = options.collections
  const behaviour = !options.disabled
  const readerTemplates = Object.fromEntries(
    options.readerLocales.map((locale) => [locale, options.readerTextsFor(locale).templates]),
  )
  const editorsOnlyField = ({ req }: { req: PayloadRequest }) => options.isEditor(req)
  const defaultFields: Field[] = [
    {
      name: 'title',
      type: 'text',
      admin: { description: t('titleDescription') },
      label: t('title'),
      localized: true,
      maxLength: 300,
      required: true,
    },
    newsroomSlugField('title', 'slugDescription'),
    {
      name: 'subtitle',
      type: 'text',
      admin: { description: t('subtitleDescription') },
      label: t('subtitle'),
      localized: true,
      maxLength: 500,
    },
    {
      name: 'authors',
      type: 'relationship',
      admin: { description: t('authorsDescription') },
      hasMany: true,
      label: t('authors'),
      relationTo: options.collections.authors.slug,
    },
    ...(options.media
      ? [
          {
            name: 'image',
            type: 'upload',
            admin: { description: t('imageDescription') },
            label: t('image'),
            relationTo: options.media,
          } satisfies Field,
          imageAiGroup(),
          ...(behaviour
            ? [
                previewField({
                  name: 'imageAiPreview',
                  clientProps: { templates: readerTemplates },
                  component: 'ImageAiPreview',
                  description: 'imageAiPreviewDescription',
                  label: 'imageAiPreview',
                }),
              ]
            : []),
        ]
      : []),
    {
      name: 'paidContent',
      type: 'checkbox',
      admin: { description: t('paidContentDescription'), position: 'sidebar' },
      defaultValue: false,
      index: true,
      label: t('paidContent'),
    },
    {
      name: 'paidBy',
      type: 'relationship',
      admin: {
        condition: (data) => Boolean(data?.paidContent),
        description: t('paidByDescription'),
        position: 'sidebar',
      },
      label: t('paidBy'),
      relationTo: sponsors.slug,
    },
    ...(behaviour
      ? [
          previewField({
            name: 'paidPreview',
            clientProps: { disclosureLabels: options.sponsors.disclosureLabels },
            component: 'PaidContentPreview',
            description: 'paidPreviewDescription',
            label: 'paidPreview',
          }),
        ]
      : []),
    {
      name: 'regions',
      type: 'relationship',
      admin: { description: t('regionsDescription'), position: 'sidebar' },
      hasMany: true,
      label: t('regions'),
      relationTo: regions.slug,
    },
    {
      name: 'keywords',
      type: 'text',
      admin: { description: t('keywordsDescription'), position: 'sidebar' },
      hasMany: true,
      label: t('keywords'),
      maxLength: 100,
      maxRows: 50,
    },
    {
      name: 'dateline',
      type: 'group',
      admin: { description: t('datelineDescription') },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'place',
              type: 'text',
              admin: { description: t('datelinePlaceDescription') },
              label: t('datelinePlace'),
              maxLength: 100,
            },
            {
              name: 'date',
              type: 'date',
              admin: { description: t('datelineDateDescription') },
              label: t('datelineDate'),
            },
          ],
        },
        {
          name: 'text',
          type: 'text',
          admin: { description: t('datelineTextDescription'), readOnly: true },
          label: t('datelineText'),
        },
      ],
      label: t('dateline'),
    },
    {
      name: 'content',
      type: 'richText',
      admin: { description: t('contentDescription') },
      label: t('content'),
      localized: true,
    },
    {
      name: 'publishedAt',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: t('publishedAtDescription'),
        position: 'sidebar',
      },
      index: true,
      label: t('publishedAt'),
    },
    {
      name: 'source',
      type: 'group',
      admin: { description: t('sourceDescription') },
      fields: [
        {
          name: 'kind',
          type: 'select',
          admin: { description: t('sourceKindDescription') },
          defaultValue: 'staff',
          label: t('sourceKind'),
          options: selectOptions(sourceKinds, {
            external: 'sourceKindExternal',
            staff: 'sourceKindStaff',
            wire: 'sourceKindWire',
          }),
          required: true,
        },
        {
          name: 'name',
          type: 'text',
          admin: { description: t('sourceNameDescription') },
          label: t('sourceName'),
          maxLength: 200,
        },
        urlField({ name: 'url', behaviour, description: 'sourceUrlDescription', label: 'sourceUrl' }),
      ],
      label: t('source'),
    },
    {
      name: 'ai',
      type: 'group',
      admin: { description: t('aiDescription') },
      fields: [
        {
          name: 'usage',
          type: 'select',
          admin: { description: t('aiUsageDescription') },
          defaultValue: 'none',
          index: true,
          label: t('aiUsage'),
          options: selectOptions(aiUsages, {
            edited: 'aiUsageEdited',
            generated: 'aiUsageGenerated',
            none: 'aiUsageNone',
            rewritten: 'aiUsageRewritten',
          }),
          required: true,
        },
        {
          name: 'humanReviewed',
          type: 'checkbox',
          admin: { description: t('aiHumanReviewedDescription') },
          defaultValue: false,
          label: t('aiHumanReviewed'),
        },
        // The review record: set by the server from the editor who confirms the review.
        {
          type: 'row',
          fields: [
            {
              name: 'reviewedBy',
              type: 'relationship',
              access: { read: editorsOnlyField },
              admin: { description: t('aiReviewedByDescription'), readOnly: true },
              label: t('aiReviewedBy'),
              relationTo: options.users,
            },
            {
              name: 'reviewedAt',
              type: 'date',
              admin: {
                date: { pickerAppearance: 'dayAndTime' },
                description: t('aiReviewedAtDescription'),
                readOnly: true,
              },
              label: t('aiReviewedAt'),
            },
          ],
        },
        // Kept when the reviewer's account is deleted: the record behind an exemption stays whole.
        {
          name: 'reviewerName',
          type: 'text',
          access: { read: editorsOnlyField },
          admin: { description: t('aiReviewerNameDescription'), readOnly: true },
          label: t('aiReviewerName'),
        },
        // Public like the text it fingerprints: the read path needs it to tell a review from a tick.
        { name: 'reviewHash', type: 'text', admin: { hidden: true } },
      ],
      label: t('ai'),
    },
    {
      name: 'sponsors',
      type: 'relationship',
      admin: { description: t('sponsorsDescription') },
      hasMany: true,
      label: t('sponsors'),
      relationTo: sponsors.slug,
    },
    {
      name: 'relatedLinks',
      type: 'join',
      admin: { description: t('relatedLinksDescription') },
      collection: relatedLinks.slug,
      defaultSort: 'order',
      label: t('relatedLinks'),
      on: 'article',
    },
    // Admin previews store nothing (the schema stays the same) and are left out when disabled.
    ...(behaviour
      ? [
          previewField({
            name: 'attributionPreview',
            clientProps: {
              contact: options.site.editorialContact,
              templates: readerTemplates,
            },
            component: 'AttributionPreview',
            description: 'attributionPreviewDescription',
            label: 'attributionPreview',
          }),
        ]
      : []),
    attributionGroup(),
    ...(behaviour
      ? [
          previewField({
            name: 'readingSummary',
            clientProps: { minWords: options.backToTop.minWords },
            component: 'ReadingSummary',
            description: 'readingSummaryDescription',
            label: 'readingSummary',
          }),
        ]
      : []),
    layoutGroup(),
    ...correctionFields({ editorsOnly: editorsOnlyField, users: options.users }),
    ...(behaviour
      ? [
          previewField({
            name: 'correctionPreview',
            clientProps: {
              labels: Object.fromEntries(
                options.readerLocales.map((locale) => [
                  locale,
                  options.readerTextsFor(locale).correctionLabels,
                ]),
              ),
            },
            component: 'CorrectionPreview',
            description: 'correctionPreviewDescription',
            label: 'correctionPreview',
          }),
        ]
      : []),
    {
      name: 'allowComments',
      type: 'checkbox',
      admin: { description: t('allowCommentsDescription'), position: 'sidebar' },
      defaultValue: true,
      label: t('allowComments'),
    },
    importedFromField(),
  ]
  return newsroomCollection('articles', options, {
    access: {
      // Anonymous readers and reader accounts see published articles only; editors see drafts too.
      read: ({ req }) => options.isEditor(req) || { _status: { equals: 'published' } },
    },
    admin: {
      defaultColumns: ['title', 'regions', '_status', 'publishedAt'],
      listSearchableFields: ['title', 'slug'],
      useAsTitle: 'title',
    },
    defaultSort: '-publishedAt',
    fields: defaultFields,
    // The facts the notice and the image label are rendered from, in every read: a `select`
    // that asks for the notice alone still gets it computed, never a stored one taken on trust.
    forceSelect: {
      ai: { humanReviewed: true, reviewedAt: true, reviewHash: true, usage: true },
      source: { kind: true, name: true, url: true },
      ...(options.media ? { imageAi: { usage: true } } : {}),
    },
    deferReferenceChecks: true,
    hooks: {
      afterChange: [syncLinkVisibility(articles.slug, relatedLinks.slug), keepNotesOnRestore],
      afterRead: [renderAttribution(options), renderLayoutTexts(options)],
      beforeChange: [
        // First: a save's one round trip (a create's slug lock, an update's row lock) runs while
        // the hooks up to the one that needs its answer compute.
        startUniqueSlug({ titleField: 'title' }),
        startNotesLock(options),
        setPublishedAt,
        requireAdvertiser,
        computeAttribution(options),
        computeLayout(options),
        enforceCorrections(options),
        // Last: it awaits the slug lock startUniqueSlug sent, or takes it.
        ensureUniqueSlug({ fallbackPrefix: 'artikel', titleField: 'title' }),
      ],
      beforeDelete: [
        deleteArticleDependents({
          articles: articles.slug,
          comments: comments ? comments.slug : undefined,
          links: relatedLinks.slug,
        }),
      ],
    },
    versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  })
}
