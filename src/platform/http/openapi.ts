/** The OpenAPI 3 document, generated from the route schemas and served at /api/openapi.json. */
import fastifySwagger from "@fastify/swagger";
import { type FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { version } from "../runtime/package-info.js";

/** Must be registered before any route so that every route is collected. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Baomi 保密工作责任制管理平台 API",
        description: "保密工作责任制管理平台接口。错误统一为 { code, message, details }，message 默认中文。",
        version,
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, () => app.swagger());
}
