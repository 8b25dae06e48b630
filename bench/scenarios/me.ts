/**
 * GET /api/me signed in: the session lookup, the actor's grants, the person and units, and the abilities, through the
 * whole real app, against a bare Fastify route answering the very bytes the app answered just before the load.
 */
import { type LoadScenario } from "../harness/types.js";

const USERNAME = "bench-zhangsan";
const PASSWORD = "正确的马电池订书钉-2027";

export const me: LoadScenario = {
  kind: "load",
  name: "me",
  description: {
    zh: "当前用户 GET /api/me（已登录：查会话、角色授权、人员与单位、计算权限）：完整应用对比返回相同字节的裸 Fastify 路由",
    en: "Who am I, GET /api/me signed in (session, grants, person and units, abilities): the full app against a bare Fastify route answering the same bytes",
  },
  request: { method: "GET", path: "/api/me" },
  // The app on a fresh database seeded with one business account (a person in a unit, two grants), at log warn
  // like the health row, so that the figure is the request path.
  subject: {
    label: "Baomi app (log warn), signed in",
    entry: { server: "baomi-app-seeded" },
    env: { BAOMI_LOG_LEVEL: "warn", BENCH_USERNAME: USERNAME, BENCH_PASSWORD: PASSWORD },
  },
  // Over plain HTTP the session cookie is `baomi_session` (src/platform/auth/cookies.ts). The session lasts the run:
  // the idle timeout is 30 minutes and last_seen_at is written at most once a minute.
  signIn: {
    request: {
      method: "POST",
      path: "/api/auth/login",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
    },
    cookie: "baomi_session",
  },
  baseline: { label: "bare Fastify route", entry: { server: "bare-recorded" }, env: { BENCH_PATH: "/api/me" } },
  baselineServesSubjectAnswer: true,
  checkAnswer: (body) => {
    const me = JSON.parse(body) as { pending?: unknown[]; roles?: unknown[]; person?: unknown };
    if (me.pending?.length !== 0) return `sign-in steps pending: ${JSON.stringify(me.pending)}`;
    if (me.roles?.length !== 2) return `expected the 2 seeded grants, got ${JSON.stringify(me.roles)}`;
    if (!me.person) return "no person";
    return null;
  },
  target: { metric: "throughput-ratio", min: 0.4 },
};
