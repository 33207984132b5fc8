// Admin client components, registered by path string as `payload-newsroom/client#Name`.
export { AttributionPreview, type AttributionPreviewProps } from '../admin/AttributionPreview.js'
export { ReadingSummary, type ReadingSummaryProps } from '../admin/ReadingSummary.js'
export { SponsorLabelPreview, type SponsorLabelPreviewProps } from '../admin/SponsorLabelPreview.js'
