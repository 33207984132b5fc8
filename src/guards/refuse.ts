import { type PayloadRequest, ValidationError } from 'payload'

import { message, type NewsroomTranslationKey } from '../i18n/index.js'

/**
 * Refuses a save the way Payload's own validation does: HTTP 400, the field's path, and a
 * message in the editor's language, so the admin marks the field.
 */
export const refuse = (
  req: PayloadRequest,
  path: string,
  key: NewsroomTranslationKey,
  vars?: Record<string, unknown>,
): never => {
  throw new ValidationError({ errors: [{ message: message(req, key, vars), path }], req }, req.t)
}
