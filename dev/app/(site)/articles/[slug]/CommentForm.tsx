'use client'

import React, { useState } from 'react'

type Result = { details: string[]; kind: 'error' | 'success'; message: string } | null

// Payload answers `{ errors: [{ message, data? }] }`; routes it does not know answer `{ message }`.
type ErrorBody = {
  errors?: { data?: { errors?: { message?: string }[] }; message?: string }[]
  message?: string
}

const THANKS = 'Danke! Dein Kommentar wird nach Prüfung veröffentlicht.'
const TOO_FAST = 'Bitte warte einen Moment, bevor du erneut kommentierst.'
const INVALID = 'Bitte prüfe deine Angaben:'
const SERVER_ERROR =
  'Der Kommentar konnte gerade nicht gespeichert werden. Bitte versuche es später noch einmal.'
const OFFLINE = 'Der Kommentar konnte nicht gesendet werden. Bitte prüfe deine Verbindung.'

/** What to tell the reader about a refused submission. */
function errorResult(status: number, body: ErrorBody | null): NonNullable<Result> {
  if (status === 429) return { details: [], kind: 'error', message: TOO_FAST }
  const first = body?.errors?.[0]
  const details = (first?.data?.errors ?? []).flatMap((error) => (error.message ? [error.message] : []))
  // A validation error: one line per field the server names.
  if (status === 400 && details.length > 0) return { details, kind: 'error', message: INVALID }
  // Payload hides the text of server errors ("Something went wrong."); say it in German instead.
  if (status >= 500) return { details: [], kind: 'error', message: SERVER_ERROR }
  return {
    details: [],
    kind: 'error',
    message:
      first?.message || body?.message || `Der Kommentar konnte nicht gesendet werden (HTTP ${status}).`,
  }
}

/** Posts to Payload's REST API; the server decides (moderation, flood control, honeypot), the form only reports. */
export function CommentForm({ articleId }: { articleId: number | string }) {
  const [sending, setSending] = useState(false)
  const [result, setResult] = useState<Result>(null)

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    const text = (name: string) => String(data.get(name) ?? '')
    setSending(true)
    setResult(null)
    try {
      const response = await fetch('/api/comments', {
        body: JSON.stringify({
          article: articleId,
          authorName: text('authorName'),
          authorEmail: text('authorEmail'),
          // An empty optional URL is left out rather than sent as "" for the URL check to refuse.
          authorUrl: text('authorUrl').trim() || undefined,
          body: text('body'),
          consent: data.get('consent') === 'on',
          website_hp: text('website_hp'),
        }),
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
      })
      if (response.status === 201) {
        form.reset()
        setResult({ details: [], kind: 'success', message: THANKS })
        return
      }
      const body = (await response.json().catch(() => null)) as ErrorBody | null
      setResult(errorResult(response.status, body))
    } catch {
      setResult({ details: [], kind: 'error', message: OFFLINE })
    } finally {
      setSending(false)
    }
  }

  return (
    <form className="comment-form" onSubmit={submit}>
      <p className="field">
        <label htmlFor="comment-name">
          Name <Required />
        </label>
        <input autoComplete="name" id="comment-name" maxLength={100} name="authorName" required type="text" />
      </p>
      <p className="field">
        <label htmlFor="comment-email">
          E-Mail <Required />
        </label>
        <input autoComplete="email" id="comment-email" name="authorEmail" required type="email" />
      </p>
      <p className="field">
        <label htmlFor="comment-url">Website</label>
        <input autoComplete="url" id="comment-url" name="authorUrl" placeholder="https://" type="url" />
      </p>
      <p className="field">
        <label htmlFor="comment-body">
          Kommentar <Required />
        </label>
        <textarea id="comment-body" maxLength={5000} name="body" required rows={7} />
      </p>
      {/* A trap for bots: people never see or reach this field, so a value in it marks spam. */}
      <div aria-hidden="true" className="visually-hidden">
        <label htmlFor="comment-website-hp">Bitte leer lassen</label>
        <input autoComplete="off" id="comment-website-hp" name="website_hp" tabIndex={-1} type="text" />
      </div>
      <p className="field field--checkbox">
        <input id="comment-consent" name="consent" required type="checkbox" />
        <label htmlFor="comment-consent">
          Ich bin damit einverstanden, dass meine Angaben gespeichert werden, damit mein Kommentar geprüft und
          veröffentlicht werden kann. Name und Website werden mit dem Kommentar veröffentlicht, die
          E-Mail-Adresse nicht. <Required />
        </label>
      </p>
      <p>
        <button disabled={sending} type="submit">
          {sending ? 'Wird gesendet …' : 'Kommentar abschicken'}
        </button>
      </p>
      {/* Always in the page, so screen readers announce the answer when it appears. */}
      <div aria-live="polite" role="status">
        {result ? (
          <div className={`form-result form-result--${result.kind}`}>
            <p>{result.message}</p>
            {result.details.length > 0 ? (
              <ul>
                {result.details.map((detail, index) => (
                  <li key={index}>{detail}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  )
}

function Required() {
  return (
    <span aria-hidden="true" className="required">
      *
    </span>
  )
}
