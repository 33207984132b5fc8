import React from 'react'

/**
 * schema.org data for search engines. React writes a script's string child as it is, so `<` is
 * escaped here: a headline containing `</script>` must not end the script element.
 */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  return <script type="application/ld+json">{json}</script>
}
