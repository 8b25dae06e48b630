/** Units, people, appointments and portfolios: the organization as the platform keeps it. Shared with the web. */
import { z } from "zod";
import { CalendarDateSchema, pageOf, PageQuerySchema } from "../../domain/paging.js";

export const UNIT_KINDS = ["authority", "institution", "unit"] as const;

export const UnitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  code: z.string().nullable(),
  classified: z.boolean(),
  sortOrder: z.number().int(),
  closedOn: z.string().nullable(),
  abilities: z.object({ manage: z.boolean() }),
});
export type UnitView = z.infer<typeof UnitSchema>;

export const UnitListSchema = z.object({ items: z.array(UnitSchema) });

const UnitCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,40}$/, "须为大写字母、数字和下划线，以字母开头");
const NameSchema = z.string().trim().min(1).max(100);

export const CreateUnitRequestSchema = z.strictObject({
  parentId: z.string().min(1).max(64),
  name: NameSchema,
  kind: z.enum(UNIT_KINDS).default("unit"),
  code: UnitCodeSchema.nullable().optional(),
  classified: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});

export const UpdateUnitRequestSchema = z.strictObject({
  name: NameSchema.optional(),
  code: UnitCodeSchema.nullable().optional(),
  classified: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  closedOn: CalendarDateSchema.nullable().optional(),
});

export const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  staffNo: z.string().nullable(),
  /** The work address reminders are mailed to (履职提醒邮件). */
  email: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  abilities: z.object({ manage: z.boolean() }),
});
export type PersonView = z.infer<typeof PersonSchema>;

export const PersonListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(64).optional().describe("part of the name or staff number"),
  unitId: z.string().max(64).optional().describe("people of this unit and the units below it"),
});
export const PersonListSchema = pageOf(PersonSchema);

const EmailSchema = z.email("须为有效的电子邮件地址，如 zhangsan@gdpt.edu.cn").max(254);

export const CreatePersonRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  staffNo: z.string().trim().min(1).max(32).nullable().optional(),
  email: EmailSchema.nullable().optional(),
  unitId: z.string().min(1).max(64),
});

export const UpdatePersonRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(64).optional(),
  staffNo: z.string().trim().min(1).max(32).nullable().optional(),
  email: EmailSchema.nullable().optional(),
  unitId: z.string().min(1).max(64).optional(),
});

export const AppointmentSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  position: z.string(),
  positionName: z.string(),
  acting: z.boolean(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  current: z.boolean(),
});
export type AppointmentView = z.infer<typeof AppointmentSchema>;

export const AppointmentListQuerySchema = PageQuerySchema.extend({
  unitId: z.string().max(64).optional(),
  personId: z.string().max(64).optional(),
  at: CalendarDateSchema.optional().describe("only appointments in force on this date"),
});
export const AppointmentListSchema = pageOf(AppointmentSchema);

export const CreateAppointmentRequestSchema = z.strictObject({
  personId: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64),
  position: z.string().min(1).max(64),
  acting: z.boolean().default(false),
  startsOn: CalendarDateSchema,
  endsOn: CalendarDateSchema.nullable().optional(),
});

export const EndRequestSchema = z.strictObject({ endsOn: CalendarDateSchema });

export const PortfolioSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  area: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  current: z.boolean(),
});
export type PortfolioView = z.infer<typeof PortfolioSchema>;

export const PortfolioListQuerySchema = PageQuerySchema.extend({
  personId: z.string().max(64).optional(),
  area: z.string().max(40).optional(),
});
export const PortfolioListSchema = pageOf(PortfolioSchema);

/** Areas a leader can oversee: the business of a unit subtree, or an institution-wide area. */
export const PORTFOLIO_AREAS = ["business", "secrecy", "security"] as const;

export const CreatePortfolioRequestSchema = z.strictObject({
  personId: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64),
  area: z.enum(PORTFOLIO_AREAS),
  startsOn: CalendarDateSchema,
  endsOn: CalendarDateSchema.nullable().optional(),
});

export { IdParamsSchema } from "../../domain/paging.js";
