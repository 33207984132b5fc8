// The parts of structured-data-testing-tool (no types of its own) the structured-data test uses.
declare module 'structured-data-testing-tool' {
  const sdtt: {
    structuredDataTest: (html: string, options: { presets: unknown[]; schemas: string[] }) => Promise<unknown>
  }
  export default sdtt
}
declare module 'structured-data-testing-tool/presets.js' {
  const presets: { Google: unknown }
  export default presets
}
