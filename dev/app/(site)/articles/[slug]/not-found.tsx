import React from 'react'

export default function ArticleNotFound() {
  return (
    <div className="not-found">
      <h1>Artikel nicht gefunden</h1>
      <p>Diesen Artikel gibt es nicht, oder er ist nicht mehr veröffentlicht.</p>
      <p>
        <a href="/">Zur Startseite</a>
      </p>
    </div>
  )
}
