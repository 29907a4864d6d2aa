import type { NextConfig } from 'next'

/**
 * Nothing downloaded at build or run time: no network fonts, no image optimiser, no telemetry
 * (`NEXT_TELEMETRY_DISABLED=1` in the scripts). `@ecny/mock-rails` (the embedded sandbox) stays a
 * plain Node dependency instead of being bundled into the server: listed here for an installed
 * package, and imported with `turbopackIgnore` in `lib/shop.ts` for this workspace's linked one.
 */
const config: NextConfig = {
  serverExternalPackages: ['@ecny/mock-rails'],
  images: { unoptimized: true },
  poweredByHeader: false,
  // The repository's `pnpm typecheck` checks this app; skipping it here keeps `next build` short.
  typescript: { ignoreBuildErrors: true },
  // Measured on 2 cores: writing Turbopack's build cache (~60 MB) costs as much CPU as it saves on the
  // next build, and a fresh CI checkout never has one.
  experimental: { turbopackFileSystemCacheForBuild: false },
}

export default config
