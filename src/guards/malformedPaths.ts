import type { AfterErrorHook } from 'payload'

/** Whether the request's path holds a broken percent escape. */
const pathIsMalformed = (url: string | undefined): boolean => {
  try {
    decodeURIComponent(new URL(url ?? '', 'http://localhost').pathname)
    return false
  } catch {
    return true
  }
}

/**
 * A path with a broken percent escape (`/api/newsroom/regions/%E0%A4%A`) makes Payload's route
 * matching throw a URIError: the client's error, so a 400, not a 500. A root hook, because the
 * error comes before any collection or endpoint is chosen; any other URIError stays a 500.
 */
export const answerMalformedPathsAsBadRequest: AfterErrorHook = ({ error, req }) =>
  error instanceof URIError && pathIsMalformed(req.url)
    ? { response: { errors: [{ message: 'path: malformed percent-encoding' }] }, status: 400 }
    : undefined
