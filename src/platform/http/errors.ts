/**
 * Every error leaves the server as `{ code, message, details }` with the status from the one table in
 * `domain/errors.ts`. Stack traces, SQL and file paths are logged, never sent.
 */
import { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode } from "../../domain/errors.js";
import { describeIssues, type RawIssue } from "./validation-messages.js";

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** Sends an AppError as the standard error body. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const body: ErrorBody = {
    code: error.code,
    message: request.locale === "en-US" ? error.localized.en : error.localized.zh,
    details: error.details,
  };
  return reply.status(error.status).type("application/json; charset=utf-8").send(body);
}

/** Installs the error handler; the not-found handler lives with the web UI, which decides what a miss means. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request);
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: appError.code }, "request refused");
    return sendError(request, reply, appError);
  });
}

/** Maps anything thrown during a request to an AppError with a message fit for a user. */
export function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error.validationContext ?? "body").replace("querystring", "query");
    const issues = error.validation.map((v): RawIssue => ({
      ...(v.params as Omit<RawIssue, "code" | "path">),
      code: v.keyword,
      message: v.message,
      path: v.instancePath.split("/").filter(Boolean),
    }));
    const described = describeIssues(where, issues, request.locale);
    const first = described[0]?.message ?? where;
    return new AppError(
      "VALIDATION_FAILED",
      { zh: `请求参数有误：${first}`, en: `Invalid request: ${first}` },
      { issues: described },
    );
  }
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", {
        zh: "不支持该内容类型，请以 application/json 提交",
        en: "Unsupported content type; send application/json",
      });
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("PAYLOAD_TOO_LARGE", {
        zh: `请求体过大，上限为 ${Math.round(request.routeOptions.bodyLimit / 1024)} KB`,
        en: `The request body is too large; the limit is ${Math.round(request.routeOptions.bodyLimit / 1024)} KB`,
      });
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("MALFORMED_REQUEST", {
        zh: "Content-Length 与请求体长度不符",
        en: "Content-Length does not match the body",
      });
    case "FST_ERR_BAD_URL":
      return new AppError("MALFORMED_REQUEST", { zh: "请求地址格式不正确", en: "The request URL is malformed" });
  }
  const status = error.statusCode ?? 500;
  if (status === 429)
    return new AppError("RATE_LIMITED", { zh: "请求过于频繁，请稍后再试", en: "Too many requests; try again later" });
  if (status >= 400 && status < 500) {
    return new AppError("MALFORMED_REQUEST", { zh: "请求无法处理", en: "The request cannot be processed" });
  }
  return new AppError(
    "INTERNAL",
    {
      zh: "服务器内部错误，已记录，请联系系统管理员并提供请求编号",
      en: "Internal server error; it has been logged. Give the request id to your system administrator",
    },
    { requestId: request.id },
  );
}
