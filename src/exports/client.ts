// Admin client components, registered by path string as `payload-newsroom/client#Name`.
export { AttributionPreview, type AttributionPreviewProps } from '../admin/AttributionPreview.js'
export { CorrectionPreview, type CorrectionPreviewProps } from '../admin/CorrectionPreview.js'
export { ImageAiPreview, type ImageAiPreviewProps } from '../admin/ImageAiPreview.js'
export { PaidContentPreview, type PaidContentPreviewProps } from '../admin/PaidContentPreview.js'
export { ReadingSummary, type ReadingSummaryProps } from '../admin/ReadingSummary.js'
export { SponsorLabelPreview, type SponsorLabelPreviewProps } from '../admin/SponsorLabelPreview.js'
