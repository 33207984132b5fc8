import autocannon, { type Result } from 'autocannon'

import { percentile } from './stats.js'

export type HttpFigures = { errors: number; p99Ms: number; rps: number }

/**
 * Load on several URLs of one server, each warmed up for 2 s, then alternating in `rounds` slices
 * so all see the same machine:
 * requests per second over all slices, the worst slice's p99, and every failed request
 * (connection errors, timeouts, non-2xx answers).
 */
export const loadSideBySide = async <K extends string>(
  urls: Record<K, string>,
  { connections, rounds, seconds }: { connections: number; rounds: number; seconds: number },
): Promise<Record<K, HttpFigures>> => {
  const keys = Object.keys(urls) as K[]
  const results = Object.fromEntries(keys.map((key) => [key, [] as Result[]])) as Record<K, Result[]>
  // Each URL's path warmed first (the JIT, Next's route and data caches), so slices compare steady states.
  for (const key of keys) await autocannon({ connections, duration: 2, url: urls[key] })
  for (let round = 0; round < rounds; round += 1) {
    for (const key of keys) {
      results[key].push(await autocannon({ connections, duration: seconds / rounds, url: urls[key] }))
    }
  }
  const figures = (slices: Result[]): HttpFigures => ({
    errors: slices.reduce((sum, slice) => sum + slice.errors + slice.timeouts + slice.non2xx, 0),
    p99Ms: percentile(
      slices.map((slice) => slice.latency.p99),
      1,
    ),
    rps: slices.reduce((sum, slice) => sum + slice.requests.total, 0) / seconds,
  })
  return Object.fromEntries(keys.map((key) => [key, figures(results[key])])) as Record<K, HttpFigures>
}
