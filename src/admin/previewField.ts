import type { UIField } from 'payload'

import type { NewsroomTranslationKey } from '../i18n/en.js'

import { t } from '../i18n/index.js'

type PreviewFieldArgs = {
  /** Serializable props for the component, e.g. options the browser cannot read from the config. */
  clientProps?: Record<string, unknown>
  /** The component's export name in `payload-newsroom/client`. */
  component: string
  description: NewsroomTranslationKey
  label: NewsroomTranslationKey
  name: string
}

/**
 * A sidebar field that stores nothing and renders one of our admin client components, registered
 * by path string so the host's import map finds it. Label and description resolve in the admin's
 * language: Payload resolves label functions for every field type at runtime, though `UIField`'s
 * type only admits static labels, and it renders no description for a custom component (ours
 * render their own from the same key).
 */
export const previewField = ({
  name,
  clientProps,
  component,
  description,
  label,
}: PreviewFieldArgs): UIField => {
  const admin: { description: ReturnType<typeof t> } & UIField['admin'] = {
    components: { Field: { clientProps, path: `payload-newsroom/client#${component}` } },
    description: t(description),
    // Nothing to filter, sort or bulk-edit: it has no value.
    disableBulkEdit: true,
    disableListColumn: true,
    position: 'sidebar',
  }
  return { name, type: 'ui', admin, label: t(label) as unknown as string }
}
