import { performance } from 'node:perf_hooks'

/** The value below which `share` of the values lie (nearest rank). */
export const percentile = (values: number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!
}

export const median = (values: number[]) => percentile(values, 0.5)

/** Milliseconds `fn` takes. */
export const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

/** Times `a` and `b` alternately, so noise on the shared machine hits both alike; all samples. */
export const sideBySide = async (
  rounds: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
): Promise<{ a: number[]; b: number[] }> => {
  const times = { a: [] as number[], b: [] as number[] }
  for (let i = 0; i < rounds; i += 1) {
    times.a.push(await timed(() => a(i)))
    times.b.push(await timed(() => b(i)))
  }
  return times
}
