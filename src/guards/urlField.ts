import type { FieldHook, TextField, TextFieldSingleValidation } from 'payload'

import type { NewsroomTranslationKey } from '../i18n/en.js'

import { refuse } from './refuse.js'
import { message, t } from '../i18n/index.js'
import { checkUrl, MAX_URL_LENGTH, normalizeUrl, type UrlProblem } from './url.js'

const problemMessage: Record<UrlProblem, NewsroomTranslationKey> = {
  malformed: 'errorUrlMalformed',
  protocol: 'errorUrlProtocol',
  tooLong: 'errorUrlTooLong',
}

// Payload skips field `validate` on draft saves, so the allowlist is also enforced in a hook.
const refuseUnsafeUrl: FieldHook = ({ path, req, value }) => {
  if (typeof value !== 'string') return value
  const problem = checkUrl(value)
  if (problem) refuse(req, path.join('.'), problemMessage[problem], { max: MAX_URL_LENGTH })
  return value
}

const validateUrl: TextFieldSingleValidation = (value, { req, required }) => {
  if (value === null || value === undefined || value === '')
    return required ? req.t('validation:required') : true
  const problem = checkUrl(value)
  return problem ? message(req, problemMessage[problem], { max: MAX_URL_LENGTH }) : true
}

type UrlFieldArgs = {
  admin?: TextField['admin']
  behaviour: boolean
  description?: NewsroomTranslationKey
  label: NewsroomTranslationKey
  name: string
  required?: boolean
}

/** A text field that only ever holds an absolute http(s) URL, trimmed, at most 2048 characters. */
export const urlField = ({
  name,
  admin,
  behaviour,
  description,
  label,
  required,
}: UrlFieldArgs): TextField => ({
  name,
  type: 'text',
  admin: { description: description ? t(description) : undefined, ...admin },
  hooks: behaviour
    ? { beforeChange: [refuseUnsafeUrl], beforeValidate: [({ value }) => normalizeUrl(value)] }
    : undefined,
  label: t(label),
  required,
  validate: validateUrl,
})
