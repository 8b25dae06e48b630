/** What every request and the app carry beyond Fastify's own fields. */
import { type AuditLog } from "../audit/audit-log.js";
import { type Config } from "../config/config.js";
import { type Db } from "../db/database.js";
import { type Locale } from "../../domain/locale.js";

declare module "fastify" {
  interface FastifyInstance {
    config: Config;
    db: Db;
    audit: AuditLog;
    /** The time now; injectable so tests can move it (idle and absolute timeouts, lockout expiry, TOTP steps). */
    clock: () => Date;
    /** Method and URL pattern of every API route registered. */
    apiRoutes: readonly { method: string; url: string }[];
  }
  interface FastifyRequest {
    /** The language of messages for this request, from Accept-Language; Chinese unless the client prefers English. */
    readonly locale: Locale;
  }
}
