/**
 * Demo texts for the dev app. Our own writing, modelled on the structure of a German regional
 * news page (region kicker, dateline, subheadings, AI and source notice); the events, people and
 * sources are invented, and every URL points to a reserved example domain.
 */
import type { Block } from './lexical.js'

export type DemoRegionKey = 'asien' | 'china' | 'kasachstan'
export type DemoAuthorKey = keyof typeof demoAuthors

export type DemoArticle = {
  title: string
  subtitle: string
  /** days before the seed run, so the demo always looks recent */
  publishedDaysAgo: number
  dateline: { place: string }
  regions: DemoRegionKey[]
  /** The bylines, first named first. */
  authors: DemoAuthorKey[]
  source: { kind: 'staff' } | { kind: 'external' | 'wire'; name: string; url: string }
  ai: 'none' | 'rewritten' | 'generated' | 'edited'
  /** AI text the demo editor has reviewed: its notice stands below the text, with the reviewed wording. */
  reviewed?: boolean
  /** Paid content: the name of the demo sponsor who paid for it. */
  paidBy?: string
  /** Published notes, e.g. a correction of an earlier version. */
  corrections?: { kind: 'correction' | 'clarification' | 'update'; text: string }[]
  body: Block[]
}

export const demoEditor = {
  email: 'editor@newsroom.test',
  password: 'newsroom-demo',
  name: 'Demo-Redaktion',
}

/** Public bylines: a reporter (linked to the demo editor's account), a desk and a news agency. */
export const demoAuthors = {
  aigerim: {
    name: 'Aigerim Nurlanowa',
    kind: 'person',
    role: 'Korrespondentin für Zentralasien',
    bio: 'Berichtet aus Almaty über Verkehr, Handel und Umwelt in Zentralasien. Vorher Wirtschaftsredakteurin in Astana.',
    sameAs: ['https://social.example/@aigerim.nurlanowa'],
    linkedToEditor: true,
  },
  desk: {
    name: 'Zentralasien-Desk',
    kind: 'organization',
    role: 'Ressort',
    bio: 'Das Ressort für Zentralasien und Westchina: Meldungen, Hintergründe und Reportagen.',
    sameAs: [],
    linkedToEditor: false,
  },
  zap: {
    name: 'Zentralasiatischer Pressedienst',
    kind: 'organization',
    role: 'Nachrichtenagentur',
    bio: 'Eine Nachrichtenagentur mit Büros in Almaty, Taschkent und Bischkek.',
    sameAs: ['https://zap-dienst.example.com/'],
    linkedToEditor: false,
  },
} as const

export const demoRegions = {
  asien: { name: 'Asien', type: 'continent' },
  china: { name: 'China', type: 'country', isoCode: 'CN' },
  kasachstan: { name: 'Kasachstan', type: 'country', isoCode: 'KZ' },
} as const

export const demoSponsors = [
  {
    name: 'Tengri Reisen',
    url: 'https://tengri-reisen.example.com/',
    placement: 'sidebar',
    priority: 10,
  },
  {
    name: 'Seidenweg Logistik',
    url: 'https://seidenweg-logistik.example.com/',
    placement: 'inline',
    priority: 5,
    // Targeted at the continent: it should also show on articles about China or Kasachstan.
    regions: ['asien'],
  },
  {
    name: 'Alatau Sprachschule',
    url: 'https://alatau-sprachschule.example.com/',
    placement: 'footer',
    priority: 0,
  },
] as const satisfies ReadonlyArray<{
  name: string
  url: string
  placement: 'sidebar' | 'inline' | 'footer'
  priority: number
  regions?: readonly DemoRegionKey[]
}>

/** The long, AI-rewritten lead story with a source: the reference article page shows it. */
export const leadArticle: DemoArticle = {
  title: 'Almaty-Treffen: Güterzüge sollen schneller über die Grenze rollen',
  subtitle:
    'Verkehrsminister aus Zentralasien und China einigen sich auf gemeinsame Zollkorridore, digitale Frachtpapiere und neue Umschlagbahnhöfe',
  publishedDaysAgo: 1,
  dateline: { place: 'Almaty' },
  regions: ['china', 'kasachstan'],
  authors: ['aigerim'],
  corrections: [
    {
      kind: 'correction',
      text: 'In einer früheren Fassung hieß es, die neuen Umschlagbahnhöfe sollten bis 2027 fertig sein. Die Minister nannten 2028.',
    },
  ],
  source: {
    kind: 'external',
    name: 'Steppenkurier',
    url: 'https://steppenkurier.example.com/wirtschaft/almaty-verkehrsministertreffen',
  },
  ai: 'rewritten',
  body: [
    'Die Verkehrs- und Handelsminister der fünf zentralasiatischen Staaten und Chinas haben sich bei einer zweitägigen Konferenz in der kasachischen Wirtschaftsmetropole auf einen gemeinsamen Fahrplan für den Güterverkehr verständigt. Im Kern geht es um eine Frage, die Spediteure seit Jahren beschäftigt: Warum brauchen Containerzüge zwischen Westchina und dem Kaspischen Meer für die Grenze oft länger als für Hunderte Kilometer Steppe?',
    'Das Abschlussdokument nennt drei Vorhaben. Die Zollbehörden sollen Daten über Ladung und Empfänger austauschen, bevor ein Zug die Grenze erreicht. Ein einheitliches elektronisches Frachtpapier soll in allen sechs Ländern gelten. Und an den wichtigsten Übergängen sollen zusätzliche Umschlagbahnhöfe entstehen, die den Wechsel zwischen den unterschiedlichen Spurweiten beschleunigen.',
    { h2: 'Warten auf den Spurwechsel' },
    'Nach Angaben der Gastgeber stehen Güterzüge an den Übergängen zwischen China und Kasachstan im Durchschnitt mehr als einen Tag, bevor sie weiterfahren dürfen. Die Kontrolle selbst ist dabei selten das Problem. Chinesische Gleise sind schmaler als die im früheren sowjetischen Raum üblichen, sodass Container auf andere Waggons gehoben oder die Drehgestelle getauscht werden müssen. Dazu kommen Papiere, die an jeder Grenze erneut geprüft, gestempelt und oft noch von Hand abgeschrieben werden.',
    'Ein Vertreter des kasachischen Verkehrsministeriums beschrieb die Lage in einer Pressekonferenz mit einem Bild aus dem Alltag: Man habe eine Autobahn gebaut und an ihrem Ende eine Drehtür eingesetzt. Ziel sei es, die Standzeit an der Grenze innerhalb von zwei Jahren auf weniger als zwölf Stunden zu senken. Gelingen könne das nur, wenn die Behörden beider Seiten einander so weit vertrauten, dass eine Prüfung für beide reiche.',
    'Das gemeinsame elektronische Frachtpapier soll ab dem kommenden Frühjahr auf einer einzigen Strecke erprobt werden. Die Minister verabredeten, die Ergebnisse des Pilotbetriebs offenzulegen, bevor über eine Ausweitung entschieden wird. Mehrere Delegationen drängten darauf, kleine und mittlere Speditionen von Anfang an einzubeziehen, damit das neue Verfahren nicht nur den großen Staatsbahnen nützt.',
    { h2: 'Neue Terminals und der Weg zum Kaspischen Meer' },
    'Kasachstan will bis zum Ende des Jahrzehnts zwei weitere Umschlagterminals an seiner Ostgrenze in Betrieb nehmen. Zugleich soll der Hafen am Kaspischen Meer erweitert werden, über den Container per Fähre nach Aserbaidschan und von dort weiter in Richtung Schwarzes Meer und Europa gelangen. Diese Verbindung, in Fachkreisen als Mittlerer Korridor bezeichnet, hat für die Region an Bedeutung gewonnen, seit viele Verlader nach Alternativen zu den nördlichen Routen suchen.',
    'Auch die südlichen Nachbarn meldeten Ansprüche an. Die Delegationen aus Usbekistan und Kirgisistan warben für eine Bahnstrecke, die Westchina auf kürzerem Weg mit dem Ferghanatal verbinden soll. Die Finanzierung des Projekts ist seit Jahren Gegenstand von Verhandlungen. In Almaty wurde vereinbart, eine gemeinsame Arbeitsgruppe einzusetzen, die Kosten, Bauabschnitte und Betreiberfragen bis zum nächsten Treffen klären soll.',
    { h2: 'Kritik an Kosten und Umweltfolgen' },
    'Nicht alle Beobachter teilen die Zuversicht der Regierungen. Umweltgruppen aus Almaty wiesen darauf hin, dass neue Terminals in trockenen Steppengebieten Wasser verbrauchen und Staub aufwirbeln, und forderten unabhängige Gutachten vor jedem Baubeginn. Ökonomen aus der Region gaben zu bedenken, dass kleinere Staaten sich bei großen Infrastrukturvorhaben hoch verschulden könnten, wenn die Verkehrsmengen hinter den Prognosen zurückblieben.',
    'Die Minister reagierten darauf mit einer Zusage, gemeinsame Umweltstandards für Bahnhöfe und Zufahrtsstraßen zu erarbeiten. Wie verbindlich diese sein werden, blieb offen. In der Abschlusserklärung ist lediglich von einer engen Abstimmung die Rede, verbindliche Fristen nennt das Papier nicht.',
    { h2: 'Bilaterale Gespräche am Rande' },
    'Bereits am Vortag hatten die kasachische und die chinesische Delegation in kleinerem Kreis zusammengesessen. Beide Seiten unterzeichneten eine Absichtserklärung über ein gemeinsames Ausbildungszentrum für Eisenbahnpersonal, in dem Lokführer, Fahrdienstleiter und Zollbeamte künftig nach denselben Regeln geschult werden sollen. Als Standort ist eine Stadt im Süden Kasachstans im Gespräch.',
    'Der Warenaustausch zwischen den beiden Ländern ist in den vergangenen Jahren stark gewachsen, und beide Regierungen wollen ihn weiter ausbauen. Kasachische Unternehmen hoffen vor allem auf bessere Absatzchancen für Getreide, Pflanzenöl und verarbeitete Lebensmittel, während chinesische Firmen auf die Region als Drehscheibe für Lieferungen nach Westen setzen.',
    { h2: 'Wie es weitergeht' },
    'Das nächste Treffen in diesem Format ist für das kommende Jahr in Taschkent geplant. Bis dahin sollen die Arbeitsgruppen erste Ergebnisse vorlegen, darunter einen Zeitplan für das gemeinsame Frachtpapier und eine Liste der Grenzübergänge, an denen zuerst gebaut wird. Ob die Beschlüsse von Almaty den Güterverkehr tatsächlich beschleunigen, wird sich nach Einschätzung von Fachleuten weniger in Abschlusserklärungen als an den Fahrplänen der Züge zeigen.',
  ],
}

/** The lead article's image: our own drawing in this folder, 1200 × 675 (16:9, as wide as Google asks). */
export const leadImage = {
  file: 'gueterzug-steppe.png',
  alt: 'Zeichnung: Ein Güterzug mit bunten Containern fährt durch die Steppe, dahinter schneebedeckte Berge.',
}

export const shortArticles = {
  chorgos: {
    title: 'Chorgos: Neuer Lkw-Terminal soll Staus an der Grenze auflösen',
    subtitle:
      'Am wichtigsten Übergang zwischen Kasachstan und China werden künftig doppelt so viele Lastwagen abgefertigt',
    publishedDaysAgo: 3,
    dateline: { place: 'Chorgos' },
    regions: ['kasachstan', 'china'],
    authors: ['aigerim', 'desk'],
    source: { kind: 'staff' },
    ai: 'none',
    body: [
      'Am Grenzübergang Chorgos hat ein neuer Terminal für Lastwagen den Betrieb aufgenommen. Statt vier stehen dort nun acht Spuren für die Abfertigung bereit, dazu ein überdachter Bereich, in dem Zollbeamte Ladungen bei jedem Wetter kontrollieren können.',
      'Fahrer hatten in den vergangenen Monaten immer wieder über Wartezeiten von mehreren Tagen geklagt. Die Schlange der wartenden Fahrzeuge reichte zeitweise kilometerweit in die Steppe hinein. Die Betreibergesellschaft rechnet damit, dass sich die Standzeiten mit dem neuen Terminal etwa halbieren.',
      { h2: 'Digitale Anmeldung geplant' },
      'In einem zweiten Schritt sollen sich Speditionen ihre Ankunft künftig online anmelden können. Wer einen Termin gebucht hat, soll an der Schlange vorbeifahren dürfen. Ein Testbetrieb ist für den Winter angekündigt.',
    ],
  },
  bewaesserung: {
    title: 'Dürre im Süden Kasachstans: Bauern setzen auf Tröpfchenbewässerung',
    subtitle:
      'Ein staatliches Förderprogramm übernimmt einen Teil der Kosten für sparsame Bewässerungsanlagen',
    publishedDaysAgo: 6,
    dateline: { place: 'Schymkent' },
    regions: ['kasachstan'],
    authors: ['zap'],
    source: {
      kind: 'wire',
      name: 'Zentralasiatischer Pressedienst',
      url: 'https://zap-dienst.example.com/meldungen/troepfchenbewaesserung-sued-kasachstan',
    },
    ai: 'edited',
    body: [
      'Nach einem weiteren trockenen Sommer stellen immer mehr Landwirte im Süden Kasachstans ihre Felder auf Tröpfchenbewässerung um. Dabei gelangt das Wasser über dünne Schläuche direkt an die Wurzeln der Pflanzen, statt in offenen Kanälen zu verdunsten.',
      'Ein staatliches Förderprogramm übernimmt inzwischen einen großen Teil der Anschaffungskosten. Nach Angaben des Landwirtschaftsministeriums wurden in diesem Jahr deutlich mehr Anträge gestellt als im Vorjahr, vor allem von Betrieben, die Baumwolle, Gemüse und Obst anbauen.',
      'Fachleute begrüßen die Entwicklung, mahnen aber, dass neue Technik allein nicht reiche. Viele Bewässerungskanäle aus früheren Jahrzehnten seien undicht und verlören einen erheblichen Teil des Wassers, bevor es überhaupt die Felder erreiche.',
    ],
  },
  urumqi: {
    title: 'Urumqi baut Frachtflughafen für Verbindungen nach Zentralasien aus',
    subtitle:
      'Neue Lagerhallen und zusätzliche Frachtflüge sollen den Handel mit den Nachbarländern beschleunigen',
    publishedDaysAgo: 10,
    dateline: { place: 'Urumqi' },
    regions: ['china'],
    authors: ['desk'],
    source: { kind: 'staff' },
    ai: 'generated',
    reviewed: true,
    body: [
      'Der Flughafen von Urumqi im Nordwesten Chinas erweitert seine Frachtanlagen. Geplant sind neue Lagerhallen mit Kühlbereichen für verderbliche Waren sowie zusätzliche Abstellflächen für Frachtflugzeuge.',
      'Die Betreiber wollen damit vor allem den Handel mit Zentralasien stärken. Schon jetzt werden von Urumqi aus regelmäßig Elektronik, Textilien und Ersatzteile in die Hauptstädte der Nachbarländer geflogen. Künftig sollen auch frisches Obst und Gemüse aus der Region schneller auf die Märkte in Almaty, Bischkek und Taschkent gelangen.',
      'Ergänzt werden soll das Angebot durch eine engere Verbindung von Luft- und Schienenfracht, damit Sendungen ohne lange Zwischenlagerung vom Flugzeug auf den Güterzug wechseln können.',
    ],
  },
  filmfestival: {
    title: 'Almaty: Filmfestival zeigt Produktionen aus der ganzen Region',
    subtitle:
      'Junge Regisseurinnen und Regisseure aus fünf Ländern erzählen vom Leben zwischen Tradition und Großstadt',
    publishedDaysAgo: 14,
    dateline: { place: 'Almaty' },
    regions: ['kasachstan'],
    authors: ['desk'],
    source: { kind: 'staff' },
    ai: 'none',
    body: [
      'Eine Woche lang verwandelt sich ein altes Kino im Zentrum von Almaty in einen Treffpunkt für das junge Filmschaffen Zentralasiens. Gezeigt werden mehr als vierzig Spiel- und Dokumentarfilme, viele davon zum ersten Mal vor Publikum.',
      'Auffällig viele Beiträge handeln vom Umzug aus dem Dorf in die Großstadt: von Familien, die auseinanderrücken, von Sprachen, die sich mischen, und von Traditionen, die in Hochhaussiedlungen eine neue Form finden. Die Veranstalter wollen mit dem Festival auch zeigen, wie eng die Filmszenen der Nachbarländer inzwischen zusammenarbeiten.',
      'Die Vorstellungen sind in der Regel untertitelt, der Eintritt ist für Studierende frei.',
    ],
  },
  sprachreise: {
    title: 'Zwei Wochen Almaty: Sprachkurs mit Ausflügen in den Tian Shan',
    subtitle: 'Russisch und Kasachisch lernen, dazu Wanderungen, Basarbesuche und Abende bei Gastfamilien',
    publishedDaysAgo: 8,
    dateline: { place: 'Almaty' },
    regions: ['kasachstan'],
    authors: ['desk'],
    source: { kind: 'staff' },
    ai: 'none',
    paidBy: 'Alatau Sprachschule',
    body: [
      'Vormittags Unterricht in kleinen Gruppen, nachmittags die Stadt: Die Alatau Sprachschule bietet zweiwöchige Kurse für Anfänger und Fortgeschrittene an, die Sprachunterricht mit Ausflügen verbinden.',
      'Auf dem Programm stehen ein Tag am Großen Almatinka-See, ein Besuch auf dem Grünen Basar und ein Kochabend, an dem die Teilnehmenden Beschbarmak zubereiten. Untergebracht sind sie bei Gastfamilien in der Nähe der Schule.',
      'Kurse beginnen jeden ersten Montag im Monat; Anmeldungen nimmt die Schule auf ihrer Website entgegen.',
    ],
  },
} satisfies Record<string, DemoArticle>

/** Curated links for the lead article: one to our own report, one to background reading elsewhere. */
export const leadRelatedLinks = {
  internal: { target: 'chorgos' as const, order: 1 },
  external: {
    url: 'https://verkehrsatlas.example.org/zentralasien/mittlerer-korridor',
    label: 'Hintergrund: Der Mittlere Korridor vom Kaspischen Meer bis Europa',
    order: 2,
  },
}

/** Approved reader comments on the lead article. Invented people; addresses on reserved example domains. */
export const leadComments = [
  {
    authorName: 'Dana K.',
    authorEmail: 'dana@example.com',
    body: 'Endlich redet jemand über die Wartezeiten an der Grenze. Wir haben letztes Jahr drei Tage auf einen Container gewartet.',
  },
  {
    authorName: 'Ruslan',
    authorEmail: 'ruslan@example.org',
    authorUrl: 'https://ruslan.example.org/',
    body: 'Spannend wäre, was aus dem Pilotbetrieb wird. Ich hoffe, ihr berichtet im Frühjahr nach.',
  },
]
