/** Where a sponsor shows on the page. */
export const sponsorPlacements = ['sidebar', 'inline', 'footer'] as const
export type SponsorPlacement = (typeof sponsorPlacements)[number]
