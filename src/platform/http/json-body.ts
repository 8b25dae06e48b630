/**
 * The JSON body parser. Fastify's own refuses prototype-polluting keys but reports every failure with one generic
 * message; this one tells the user which problem it was, in their language, through the usual error body.
 */
import { type FastifyInstance } from "fastify";
import { AppError } from "../../domain/errors.js";

const EMPTY = new AppError("MALFORMED_REQUEST", {
  zh: "声明为 JSON 的请求体为空",
  en: "The request body is declared as JSON but is empty",
});
const POLLUTING = new AppError("MALFORMED_REQUEST", {
  zh: "请求体含有不允许的属性（__proto__ 或 constructor.prototype）",
  en: "The request body contains a forbidden property (__proto__ or constructor.prototype)",
});
const MALFORMED = new AppError("MALFORMED_REQUEST", {
  zh: "请求体不是合法的 JSON",
  en: "The request body is not valid JSON",
});

function refusePollution(key: string, value: unknown): unknown {
  if (key === "__proto__") throw POLLUTING;
  if (key === "constructor" && typeof value === "object" && value !== null && "prototype" in value) throw POLLUTING;
  return value;
}

/** Parses a JSON body, refusing empty bodies, invalid JSON and prototype pollution with distinct messages. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw EMPTY;
  try {
    // The reviver runs only for keys that exist, so ordinary bodies pay one call per key.
    return JSON.parse(text, refusePollution) as unknown;
  } catch (error) {
    throw error instanceof AppError ? error : MALFORMED;
  }
}

/** Replaces Fastify's JSON parser for application/json. */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body: string | Buffer, done) => {
    try {
      done(null, parseJsonBody(body.toString()));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
