/** How often the stress checks start each entry point in a row: 20 unless ENTRY_POINT_RUNS says (.ci/run sets fewer). */
export const ENTRY_POINT_RUNS = Number(process.env.ENTRY_POINT_RUNS || 20)
