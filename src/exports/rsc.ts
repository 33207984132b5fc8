// Admin server components, registered by path string as `payload-newsroom/rsc#Name`.
export {}
