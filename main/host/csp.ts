/**
 * The Content-Security-Policy of every Journeywall page, desktop or web: nothing remote, no
 * inline or evaluated script. `connect` adds the web host's own WebSocket address.
 */
export function contentSecurityPolicy(connect = ''): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' data: blob:",
    `connect-src 'self'${connect ? ' ' + connect : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
  ].join('; ');
}
