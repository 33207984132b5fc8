// The part of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  type Histogram = { average: number; max: number; p50: number; p99: number }
  export type Result = {
    errors: number
    statusCodeStats?: Record<string, { count: number }>
    latency: Histogram
    non2xx: number
    requests: Histogram & { total: number }
    timeouts: number
  }
  export default function autocannon(options: {
    body?: string
    connections?: number
    duration?: number
    headers?: Record<string, string>
    idReplacement?: boolean
    method?: string
    requests?: { body?: string; method?: string; path?: string }[]
    url: string
  }): Promise<Result>
}
