/**
 * The gateway, reached through the page's own origin (Vite proxies `/gateway` to it), so the
 * browser needs no CORS. A real page gets this URL from its backend.
 */
export const gatewayUrl = `${window.location.origin}/gateway`
