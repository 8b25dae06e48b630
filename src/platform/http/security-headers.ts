/**
 * Security headers on every response, errors and 404s included. The CSP allows inline styles only because
 * Ant Design injects its CSS-in-JS as <style> elements; scripts come from this origin alone.
 */
import { type FastifyReply, type FastifyRequest } from "fastify";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/**
 * Sets the headers at the start of every request. Fastify keeps headers set before an error when its error handler
 * replies, so error answers and 404s carry them too; doing it here rather than in an async onSend hook keeps it off
 * the promise machinery of every response.
 */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(SECURITY_HEADERS);
  // API answers may carry personal data: never let a shared cache keep them.
  if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
}
