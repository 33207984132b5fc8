export type Breadcrumb = { id: null | number | string; name: string; slug: string }

/** A region's breadcrumbs: its parent's, root first, then the region itself. */
export const breadcrumbsFor = (parentCrumbs: Breadcrumb[], self: Breadcrumb): Breadcrumb[] => [
  ...parentCrumbs.map(({ id, name, slug }) => ({ id, name, slug })),
  self,
]

/** `asien/china`: the slugs of the breadcrumbs joined. */
export const pathOf = (breadcrumbs: Breadcrumb[]): string => breadcrumbs.map((crumb) => crumb.slug).join('/')
