import type { SanitizedConfig } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'

export type RestResponse = { headers: Headers; json: any; status: number; text: string }

type CallOptions = { body?: unknown; headers?: Record<string, string>; token?: string }

/**
 * Payload's REST API without a web server: the same `handleEndpoints` the Next route calls,
 * fed with real `Request` objects, so status codes and error bodies are what clients get.
 */
export const restClient = (config: SanitizedConfig) => {
  const call = async (
    method: string,
    path: string,
    { body, headers, token }: CallOptions = {},
  ): Promise<RestResponse> => {
    const request = new Request(`http://localhost:3000/api${path}`, {
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      method,
    })
    const response = await handleEndpoints({ config, request })
    const text = await response.text()
    let json: any
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { headers: response.headers, json, status: response.status, text }
  }
  return {
    delete: (path: string, options?: CallOptions) => call('DELETE', path, options),
    get: (path: string, options?: CallOptions) => call('GET', path, options),
    /** Payload's GraphQL endpoint, as the Next route serves it. */
    graphql: async (query: string, variables: Record<string, unknown> = {}, { token }: CallOptions = {}) => {
      const request = new Request('http://localhost:3000/api/graphql', {
        body: JSON.stringify({ query, variables }),
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
        method: 'POST',
      })
      const response = await GRAPHQL_POST(Promise.resolve(config))(request)
      return { json: (await response.json()) as any, status: response.status }
    },
    login: async (collection: string, email: string, password: string): Promise<string> => {
      const response = await call('POST', `/${collection}/login`, { body: { email, password } })
      if (response.status !== 200) throw new Error(`login failed: ${response.text}`)
      return response.json.token
    },
    patch: (path: string, body: unknown, options?: CallOptions) => call('PATCH', path, { ...options, body }),
    post: (path: string, body: unknown, options?: CallOptions) => call('POST', path, { ...options, body }),
  }
}

/** The field paths named in a Payload validation error body. */
export const errorPaths = (response: RestResponse): string[] =>
  (response.json?.errors ?? []).flatMap((error: any) =>
    (error.data?.errors ?? []).map((field: any) => field.path),
  )
