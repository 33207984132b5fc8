export type ID = number | string

/** The id of a relationship value, whether it arrives as an id or as a populated document. */
export const idOf = (value: unknown): ID | null => {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: ID }).id
  return typeof value === 'number' || typeof value === 'string' ? value : null
}

/** The ids of a hasMany relationship value (ids or populated documents); anything else is none. */
export const idsOf = (value: unknown): ID[] =>
  Array.isArray(value) ? value.map(idOf).filter((id): id is ID => id !== null) : []
