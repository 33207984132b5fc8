import type { NoticeTemplates } from '../attribution/notice.js'
import type { CorrectionKind } from '../corrections/correctionKinds.js'

/** What readers see, per language: the attribution notices and the back-to-top button. */
export type ReaderTexts = {
  backToTop: { ariaLabel: string; label: string }
  /** The label of each kind of published note ("Korrektur, 3. Mai 2026, 14:10 Uhr: …"). */
  correctionLabels: Record<CorrectionKind, string>
  /** Shown above the comment form: what happens to the commenter's data. */
  commentsNotice: string
  templates: NoticeTemplates
}

export const readerTexts: Record<'de' | 'en', ReaderTexts> = {
  de: {
    backToTop: { ariaLabel: 'Zurück zum Anfang der Seite', label: 'Zurück zum Anfang' },
    correctionLabels: {
      clarification: 'Klarstellung',
      correction: 'Korrektur',
      counterstatement: 'Gegendarstellung',
      retraction: 'Zurückgezogen',
      update: 'Aktualisierung',
    },
    commentsNotice:
      'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.',
    templates: {
      edited: 'Dieser Text wurde mit Unterstützung künstlicher Intelligenz bearbeitet.',
      generated: 'Dieser Text wurde mit künstlicher Intelligenz erstellt.',
      rewritten:
        'Diese Nachricht wurde {source:dieser Quelle} entnommen und von künstlicher Intelligenz umgeschrieben.',
      sourced: 'Diese Nachricht wurde {source:dieser Quelle} entnommen.',
      sourceSuffix: 'Quelle: {source}',
      reviewedSuffix: 'Von der Redaktion geprüft.',
      responsible: 'Verantwortlich: {contact}.',
      imageGenerated: 'Bild mit KI erzeugt',
      imageEdited: 'Bild mit KI bearbeitet',
    },
  },
  en: {
    backToTop: { ariaLabel: 'Back to top of the page', label: 'Back to top' },
    correctionLabels: {
      clarification: 'Clarification',
      correction: 'Correction',
      counterstatement: 'Counterstatement',
      retraction: 'Retracted',
      update: 'Update',
    },
    commentsNotice: 'Your email address will not be published. Required fields are marked *.',
    templates: {
      edited: 'This text was edited with the help of artificial intelligence.',
      generated: 'This text was created with artificial intelligence.',
      rewritten: 'This report was taken from {source:this source} and rewritten by artificial intelligence.',
      sourced: 'This report was taken from {source:this source}.',
      sourceSuffix: 'Source: {source}',
      reviewedSuffix: 'Reviewed by the editors.',
      responsible: 'Editorial responsibility: {contact}.',
      imageGenerated: 'Image generated with AI',
      imageEdited: 'Image edited with AI',
    },
  },
}

/** German is the notices' default language: the plugin is made for German publishers. */
export const DEFAULT_READER_LOCALE = 'de'
