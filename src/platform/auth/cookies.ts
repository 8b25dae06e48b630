/**
 * The session cookie. Over HTTPS it is `__Host-baomi_session` (Secure, Path=/, no Domain: bound to this exact
 * origin). Browsers refuse a `__Host-` cookie without Secure, so over plain HTTP — local use on 127.0.0.1 only —
 * it is `baomi_session` with the same HttpOnly and SameSite=Strict. Only the name that fits the request's scheme
 * is ever read, so a cookie planted over HTTP cannot stand in for the HTTPS one.
 */
import { type FastifyRequest } from "fastify";

const SECURE_NAME = "__Host-baomi_session";
const PLAIN_NAME = "baomi_session";

function nameFor(secure: boolean): string {
  return secure ? SECURE_NAME : PLAIN_NAME;
}

/** Whether the request arrived over HTTPS (behind a proxy only when BAOMI_TRUST_PROXY is on). */
export function isSecure(request: FastifyRequest): boolean {
  return request.protocol === "https";
}

/** The session token the request carries, if any. */
export function sessionToken(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  const wanted = nameFor(isSecure(request));
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== wanted) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
  }
  return null;
}

/** The Set-Cookie value that installs a session token. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${nameFor(secure)}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${nameFor(secure)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? "; Secure" : ""}`;
}
