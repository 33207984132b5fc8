type Group = null | Record<string, unknown> | undefined

/** A group as it will be stored: what the client sent over what was stored (updates are partial). */
export const mergedGroup = (sent: Group, stored: Group): Record<string, unknown> => ({ ...stored, ...sent })
