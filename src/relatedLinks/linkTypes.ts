export const linkTypes = ['internal', 'external'] as const
export type LinkType = (typeof linkTypes)[number]
