// Admin client components, registered by path string as `payload-newsroom/client#Name`.
export {}
