// Lexical JSON as Payload stores it, for tests that write article content by hand.

export const text = (value: string) => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text: value,
  version: 1,
})

export const paragraph = (...children: unknown[]) => ({
  type: 'paragraph',
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  version: 1,
})

/** A document of these top-level nodes. */
export const content = (...children: unknown[]) => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})

export const link = (fields: Record<string, unknown>, label: string) => ({
  type: 'link',
  children: [text(label)],
  direction: 'ltr',
  fields,
  format: '',
  indent: 0,
  version: 3,
})
