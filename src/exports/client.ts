// Admin client components, registered by path string as `payload-newsroom/client#Name`.
export { AttributionPreview, type AttributionPreviewProps } from '../components/AttributionPreview.js'
export { ReadingSummary, type ReadingSummaryProps } from '../components/ReadingSummary.js'
export { SponsorLabelPreview, type SponsorLabelPreviewProps } from '../components/SponsorLabelPreview.js'
