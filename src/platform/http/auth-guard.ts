/**
 * The gate in front of every API route. It runs in onRequest — before the body is parsed or validated — so an
 * anonymous caller gets 401 before any 400 (DESIGN.md §7). Routes are private unless their config says
 * `access: "public"` (sign-in) or `access: "pending"` (the steps a half-signed-in session may take).
 * Unsafe methods need the session's CSRF token in `x-csrf-token`, and any Origin header must be this server's.
 */
import { timingSafeEqual } from "node:crypto";
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { passwordExpired, pendingSteps } from "../../domain/sign-in.js";
import { loadActor, personOf } from "../access/actor.js";
import { deny, type RequestAuth } from "../access/request-auth.js";
import { clearedSessionCookie, isSecure, sessionToken } from "../auth/cookies.js";
import { type AuthSnapshot, cachedAuth, readAuthEpoch, rememberAuth } from "../auth/auth-cache.js";
import { findSession, sessionLimit, touchSession } from "../auth/sessions.js";
import { sha256Hex } from "../auth/tokens.js";
import { type AccountTable, type Database, type SessionTable } from "../db/schema.js";
import { readSecuritySettings } from "../settings/security-settings.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Who may call the route: anyone, a session with steps pending, or (default) a fully signed-in session. */
    access?: "public" | "pending";
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const SIGN_IN_FIRST = new AppError("UNAUTHENTICATED", { zh: "请先登录", en: "Please sign in first" });
const SESSION_ENDED = new AppError("UNAUTHENTICATED", {
  zh: "会话已结束，请重新登录",
  en: "Your session has ended; please sign in again",
});
const BAD_CSRF = new AppError("FORBIDDEN", {
  zh: "请求缺少有效的 CSRF 令牌，请刷新页面后重试",
  en: "The request lacks a valid CSRF token; reload the page and try again",
});
const FOREIGN_ORIGIN = new AppError("FORBIDDEN", {
  zh: "拒绝来自其他站点的请求",
  en: "Requests from other sites are refused",
});

/** Whether an Origin header, when sent, names this server. */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Loads the session and actor of a request carrying a cookie; null without one, "ended" when it has ended. Served from
 * memory while the authentication epoch stands still (platform/auth/auth-cache.ts); the epoch is read first.
 */
export async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<RequestAuth | null | "ended"> {
  const token = sessionToken(request);
  if (!token) return null;
  const app = request.server;
  const db = app.db.kysely;
  const now = app.clock();
  const id = sha256Hex(token);
  const epoch = await readAuthEpoch(db);
  const today = dateIn(now);
  let snapshot = cachedAuth(db, id, epoch, today);
  if (snapshot && sessionLimit(snapshot.session, now, app.config) === null) {
    const session = await touchSession(db, snapshot.session, now);
    if (session !== snapshot.session) {
      snapshot = { ...snapshot, session };
      rememberAuth(db, id, epoch, today, snapshot);
    }
  } else {
    // Not in memory, or it looks past a limit: the database decides (another process may have used it since).
    const found = await findSession(db, token, now, app.config);
    if ("ended" in found || found.account.status !== "active") {
      reply.header("set-cookie", clearedSessionCookie(isSecure(request)));
      return "ended";
    }
    snapshot = await loadSnapshot(db, found.session, found.account, now);
    rememberAuth(db, id, epoch, today, snapshot);
  }
  return describe(app, snapshot, now);
}

/** The actor of a live session and the sign-in steps it still has to take. */
export async function describeSession(
  app: FastifyInstance,
  session: SessionTable,
  account: AccountTable,
  now: Date,
): Promise<RequestAuth> {
  return describe(app, await loadSnapshot(app.db.kysely, session, account, now), now);
}

async function loadSnapshot(
  db: Kysely<Database>,
  session: SessionTable,
  account: AccountTable,
  now: Date,
): Promise<AuthSnapshot> {
  const [actor, person] = await Promise.all([loadActor(db, account, now), personOf(db, account.person_id)]);
  return { session, account, actor, person };
}

/** The sign-in steps pending, from the snapshot and the security settings (cached on their own). */
async function describe(app: FastifyInstance, snapshot: AuthSnapshot, now: Date): Promise<RequestAuth> {
  const { session, account, actor } = snapshot;
  const settings = await readSecuritySettings(app.db.kysely, now.getTime());
  const totpRequired =
    account.admin_role !== null || actor.grants.some((g) => settings.totpRequiredRoles.includes(g.role));
  const pending = pendingSteps({
    totpEnabled: account.totp_secret !== null,
    totpVerified: session.totp_verified === 1,
    totpRequired,
    mustChangePassword: account.must_change_password === 1,
    passwordExpired: passwordExpired(account.password_changed_at, settings.passwordRotationDays, now),
  });
  return { ...snapshot, pending, totpRequired };
}

/** Refuses an unsafe request that another site's page sent. */
async function checkOrigin(request: FastifyRequest): Promise<void> {
  if (UNSAFE.has(request.method) && !sameOrigin(request))
    await deny(request, FOREIGN_ORIGIN, { action: "request.origin" });
}

/** The gate of a private route: a live session, Origin and CSRF on unsafe methods, no pending sign-in step. */
async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const auth = await authenticate(request, reply);
  if (auth === null || auth === "ended") {
    return deny(request, auth === null ? SIGN_IN_FIRST : SESSION_ENDED, { action: "auth.required" });
  }
  request.auth = auth;
  if (UNSAFE.has(request.method)) {
    await checkOrigin(request);
    const offered = request.headers["x-csrf-token"];
    if (typeof offered !== "string" || !safeEqual(offered, auth.session.csrf_token)) {
      await deny(request, BAD_CSRF, { action: "request.csrf" });
    }
  }
  if (auth.pending.length > 0 && request.routeOptions.config.access !== "pending") {
    await deny(
      request,
      new AppError(
        "FORBIDDEN",
        {
          zh: "请先完成登录步骤：" + auth.pending.map(stepZh).join("、"),
          en: "Finish signing in first: " + auth.pending.join(", "),
        },
        { pending: auth.pending },
      ),
      { action: "auth.pending" },
    );
  }
}

/**
 * Installs the gate on each API route as it is registered, so a public read (health, readiness) pays for no hook
 * at all, and a route can never be added without either the gate or an explicit `access: "public"`.
 */
export function registerAuthGuard(app: FastifyInstance): void {
  app.decorateRequest("auth", null);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const methods = [route.method].flat();
    const config = route.config;
    const safeOnly = methods.every((m) => m === "GET" || m === "HEAD");
    if (config?.access === "public" && safeOnly) return;
    const hook = config?.access === "public" ? checkOrigin : guard;
    route.onRequest = [hook, ...[route.onRequest ?? []].flat()];
  });
}

function stepZh(step: string): string {
  return step === "totp" ? "输入动态验证码" : step === "passwordChange" ? "修改密码" : "启用两步验证";
}
