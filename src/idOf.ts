export type ID = number | string

/** The id of a relationship value, whether it arrives as an id or as a populated document. */
export const idOf = (value: unknown): ID | null => {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: ID }).id
  return typeof value === 'number' || typeof value === 'string' ? value : null
}
