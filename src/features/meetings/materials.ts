/**
 * Meeting materials (会议材料, 第十二条第（一）项): documents the office attaches before or at the meeting. Only office
 * documents, PDF, plain text and images, ≤ 10 MB, and nothing carrying a secrecy marking (DESIGN.md §1): the campus
 * network may carry management data, never state secrets.
 */
import { createHash } from "node:crypto";
import { type FastifyRequest } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { AppError } from "../../domain/errors.js";
import { nextMeetingStatus } from "../../domain/meeting.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { toInstant } from "../../platform/db/instants.js";
import { refuseMarking } from "../../platform/documents/marking-refusal.js";
import { scanUpload } from "../../platform/documents/marking-scan.js";
import { type UploadSchema } from "./contract.js";
import { badField, managedMeeting, meetingObject, refuseMarkedText, visibleMeeting } from "./guards.js";

export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

/** Allowed kinds by extension, each with the first bytes its content must start with (null: text, checked below). */
const ALLOWED: Record<string, { type: string; magic: Buffer | null }> = {
  docx: {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: Buffer.from("PK\x03\x04", "latin1"),
  },
  xlsx: {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: Buffer.from("PK\x03\x04", "latin1"),
  },
  pptx: {
    type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    magic: Buffer.from("PK\x03\x04", "latin1"),
  },
  pdf: { type: "application/pdf", magic: Buffer.from("%PDF-", "latin1") },
  png: { type: "image/png", magic: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  jpg: { type: "image/jpeg", magic: Buffer.from([0xff, 0xd8, 0xff]) },
  jpeg: { type: "image/jpeg", magic: Buffer.from([0xff, 0xd8, 0xff]) },
  txt: { type: "text/plain; charset=utf-8", magic: null },
};

const TYPE_REFUSED = (name: string) =>
  badField(
    "body.name",
    `不支持的文件类型：${name}（仅限 .docx .xlsx .pptx .pdf .txt .png .jpg，且内容须与扩展名相符）`,
    `File type not allowed: ${name} (only .docx .xlsx .pptx .pdf .txt .png .jpg, with matching content)`,
  );

/** The stored type of an allowed file, or a 400 naming it. Old binary formats (.doc, .xls) are refused: they hide text. */
export function allowedType(name: string, content: Buffer): string {
  const extension = name.toLowerCase().split(".").at(-1) ?? "";
  const kind = ALLOWED[extension];
  if (!kind || !name.includes(".")) throw TYPE_REFUSED(name);
  if (kind.magic && !content.subarray(0, kind.magic.length).equals(kind.magic)) throw TYPE_REFUSED(name);
  if (!kind.magic && content.includes(0)) throw TYPE_REFUSED(name);
  return kind.type;
}

export async function attachMaterial(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof UploadSchema>,
): Promise<void> {
  const app = request.server;
  const row = await managedMeeting(request, id);
  nextMeetingStatus(row.status, "attachMaterial");
  const content = Buffer.from(body.contentBase64, "base64");
  if (content.length === 0 || content.length > MAX_MATERIAL_BYTES)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      { zh: "会议材料须为 1 字节至 10 MB 的文件", en: "Materials must be between 1 byte and 10 MB" },
      { issues: [{ field: "body.contentBase64", message: "会议材料须为 1 字节至 10 MB 的文件" }] },
    );
  const type = allowedType(body.name, content);
  await refuseMarkedText(request, [body.name], meetingObject(id));
  const found = await scanUpload(content);
  if (found) await refuseMarking(request, found, meetingObject(id));
  const materialId = uuidv7();
  const sha256 = createHash("sha256").update(content).digest("hex");
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("meeting_material")
      .values({
        id: materialId,
        meeting_id: id,
        name: body.name,
        type,
        size: content.length,
        sha256,
        content,
        uploaded_by: authOf(request).account.id,
        uploaded_at: toInstant(app.clock()),
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.material",
      object: meetingObject(id),
      result: "success",
      details: { materialId, name: body.name, size: content.length, sha256 },
    });
  });
}

/** A material's bytes, for anyone who sees the meeting; the download is audited like an export. */
export async function readMaterial(request: FastifyRequest, id: string, materialId: string) {
  const app = request.server;
  await visibleMeeting(request, id);
  const material = await app.db.kysely
    .selectFrom("meeting_material")
    .select(["name", "type", "content"])
    .where("id", "=", materialId)
    .where("meeting_id", "=", id)
    .executeTakeFirst();
  if (!material) throw new AppError("NOT_FOUND", { zh: "会议材料不存在", en: "No such material" });
  await app.audit.record({
    ...auditContext(request),
    action: "meeting.materialDownload",
    object: meetingObject(id),
    result: "success",
    details: { materialId },
  });
  return { name: material.name, type: material.type, content: Buffer.from(material.content) };
}
