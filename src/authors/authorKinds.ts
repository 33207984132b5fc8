/** A byline is a person (a reporter) or an organization (a desk, an agency such as "dpa"). */
export const authorKinds = ['person', 'organization'] as const
export type AuthorKind = (typeof authorKinds)[number]
