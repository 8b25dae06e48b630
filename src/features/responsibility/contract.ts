/** Who is responsible: the chain of a unit, the committee roster, and each person's own duties. Shared with the web. */
import { z } from "zod";
import { CalendarDateSchema } from "../../domain/paging.js";
import { CHAIN_LEVELS } from "../../domain/responsibility.js";
import { BUSINESS_ROLES } from "../../domain/roles.js";

export const HolderSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  acting: z.boolean(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  basis: z.string(),
  basisName: z.string(),
  unitId: z.string().nullable(),
});

export const ChainQuerySchema = z.strictObject({
  unitId: z.string().min(1).max(64),
  at: CalendarDateSchema.optional(),
});

export const ChainSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string(), path: z.array(z.object({ id: z.string(), name: z.string() })) }),
  at: z.string(),
  links: z.array(
    z.object({
      level: z.enum(CHAIN_LEVELS),
      article: z.string(),
      citation: z.string(),
      holders: z.array(HolderSchema),
      vacant: z.boolean(),
    }),
  ),
});
export type ChainView = z.infer<typeof ChainSchema>;

export const RosterQuerySchema = z.strictObject({
  institutionId: z.string().max(64).optional(),
  at: CalendarDateSchema.optional(),
});

export const RosterSchema = z.object({
  institution: z.object({ id: z.string(), name: z.string() }),
  at: z.string(),
  article: z.string(),
  citation: z.string(),
  seats: z.array(
    z.object({
      seat: z.enum(["director", "deputyDirector", "member"]),
      basis: z.string(),
      basisName: z.string(),
      unit: z
        .object({ id: z.string(), name: z.string(), code: z.string().nullable(), classified: z.boolean() })
        .nullable(),
      holders: z.array(HolderSchema),
    }),
  ),
  delegations: z.array(
    z.object({
      id: z.string(),
      delegate: z.object({ personId: z.string(), name: z.string() }),
      purpose: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
    }),
  ),
});
export type RosterView = z.infer<typeof RosterSchema>;

export const CreateDelegationRequestSchema = z.strictObject({
  institutionId: z.string().min(1).max(64),
  delegatePersonId: z.string().min(1).max(64),
  purpose: z.string().trim().min(1).max(200),
  startsOn: CalendarDateSchema,
  endsOn: CalendarDateSchema,
});

export const MineQuerySchema = z.strictObject({ at: CalendarDateSchema.optional() });

/** A person's responsibility roles on a date, each with its duties and their article text (我的职责). */
export const MyResponsibilitiesSchema = z.object({
  at: z.string(),
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
  roles: z.array(
    z.object({
      role: z.enum(BUSINESS_ROLES),
      roleName: z.string(),
      basis: z.string(),
      acting: z.boolean(),
      unit: z.object({ id: z.string(), name: z.string() }).nullable(),
      articles: z.array(z.object({ id: z.string(), citation: z.string(), text: z.string() })),
      duties: z.array(
        z.object({
          id: z.string(),
          article: z.string(),
          citation: z.string(),
          title: z.string(),
          cadence: z.string(),
          articleText: z.string(),
        }),
      ),
    }),
  ),
  /** Units within the person's scope through grants (what they may see and act on). */
  scopes: z.array(z.object({ role: z.enum(BUSINESS_ROLES), unitId: z.string(), unitName: z.string() })),
});
export type MyResponsibilities = z.infer<typeof MyResponsibilitiesSchema>;

export const PolicySummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  docNo: z.string(),
  versionId: z.string().nullable(),
  positions: z.array(
    z.object({
      code: z.string(),
      name: z.object({ zh: z.string(), en: z.string() }),
      scope: z.enum(["institution", "unit"]),
      holders: z.enum(["one", "many"]),
    }),
  ),
  articles: z.array(
    z.object({
      id: z.string(),
      citation: z.string(),
      text: z.string(),
      items: z.array(z.object({ id: z.string(), citation: z.string(), text: z.string() })),
    }),
  ),
  duties: z.array(
    z.object({
      id: z.string(),
      article: z.string(),
      citation: z.string(),
      title: z.string(),
      bearer: z.string(),
      cadence: z.string(),
    }),
  ),
});
