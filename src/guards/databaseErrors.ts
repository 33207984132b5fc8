import type { AfterErrorHook } from 'payload'

import { message } from '../i18n/index.js'

/**
 * PostgreSQL's answers to a value it cannot compare or store: class 22 (data exception: out of
 * range, invalid text for a number, a date or an enum), 42883 (no operator for these types),
 * 54000 (too many parameters).
 */
const isDataError = (error: unknown): boolean => {
  const { cause, code } = error as { cause?: { code?: unknown }; code?: unknown }
  const sqlState = String(code ?? cause?.code ?? '')
  return sqlState.startsWith('22') || sqlState === '42883' || sqlState === '54000'
}

/**
 * The backstop behind the query guards: a read the database refuses for a value in the request is
 * the client's error, so it is a 400 naming the query rather than a 500. The guards refuse the
 * known cases first and by field; this catches what they do not know.
 */
export const answerDataErrorsAsBadRequest: AfterErrorHook = ({ error, req }) => {
  if (req.method !== 'GET' || !isDataError(error)) return
  const text = message(req, 'errorValueInvalid')
  return {
    response: {
      errors: [
        { data: { errors: [{ message: text, path: 'where' }] }, message: text, name: 'ValidationError' },
      ],
    },
    status: 400,
  }
}
