import type { Metadata } from 'next'

import React from 'react'

import { feedAlternates } from './feedLinks.js'
import './site.css'

export const metadata: Metadata = {
  alternates: feedAlternates('Newsroom-Demo'),
  title: 'Newsroom-Demo',
  description: 'Demo-Nachrichtenseite für das Payload-Plugin payload-newsroom',
}

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="de">
      <body>
        <header className="site-header">
          <a href="/">Newsroom-Demo</a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
