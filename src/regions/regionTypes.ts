export const regionTypes = ['continent', 'country', 'subdivision', 'city', 'other'] as const
export type RegionType = (typeof regionTypes)[number]
