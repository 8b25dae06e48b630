/**
 * Refusing a secrecy marking (DESIGN.md §1): the refusal is audited like any denial, with where the marking was and
 * the marking itself — never the content around it — and answered with the message citing the law.
 */
import { type FastifyRequest } from "fastify";
import { markingRefusal } from "../../domain/marking-guard.js";
import { auditContext } from "../access/request-auth.js";
import { describePlace, type MarkingFinding } from "./marking-scan.js";

/** Audits the refusal (`marking.refused`, denied) in a transaction of its own, then throws it. */
export async function refuseMarking(
  request: FastifyRequest,
  finding: MarkingFinding,
  object: { type: string; id: string | null } | null = null,
): Promise<never> {
  const { hit, place } = finding;
  await request.server.audit.record({
    ...auditContext(request),
    action: "marking.refused",
    object,
    result: "denied",
    details: {
      marking: hit.text,
      level: hit.level,
      place,
      method: request.method,
      route: request.routeOptions.url ?? request.url,
    },
  });
  throw markingRefusal(hit, describePlace(place), { place });
}
