/**
 * The migration set, listed in code rather than read from a folder so that the same list runs from the TypeScript
 * sources (tests) and from the compiled build. Append only; names sort in the order they apply.
 */
import { type Migration } from "kysely";
import * as m0001 from "./0001_foundation.js";
import * as m0002 from "./0002_audit.js";
import * as m0003 from "./0003_identity.js";
import * as m0004 from "./0004_organization.js";
import * as m0005 from "./0005_agreements.js";
import * as m0006 from "./0006_portfolio_lookup.js";
import * as m0007 from "./0007_audit_actor_lookup.js";
import * as m0008 from "./0008_obligations.js";
import * as m0009 from "./0009_audit_lookup.js";
import * as m0010 from "./0010_auth_epoch.js";
import * as m0011 from "./0011_meetings.js";
import * as m0012 from "./0012_supervision.js";
import * as m0013 from "./0013_reports.js";
import * as m0014 from "./0014_assigned_tasks.js";
import * as m0015 from "./0015_research.js";
import * as m0016 from "./0016_document_studies.js";
import * as m0017 from "./0017_regulations.js";
import * as m0018 from "./0018_inspections.js";
import * as m0019 from "./0019_finding_sources.js";
import * as m0020 from "./0020_self_checks.js";
import * as m0021 from "./0021_self_assessments.js";
import * as m0022 from "./0022_inspection_templates.js";
import * as m0023 from "./0023_finding_list_indexes.js";
import * as m0024 from "./0024_data_versions.js";
import * as m0025 from "./0025_rubric_versions.js";
import * as m0026 from "./0026_unit_inspections.js";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_audit": m0002,
  "0003_identity": m0003,
  "0004_organization": m0004,
  "0005_agreements": m0005,
  "0006_portfolio_lookup": m0006,
  "0007_audit_actor_lookup": m0007,
  "0008_obligations": m0008,
  "0009_audit_lookup": m0009,
  "0010_auth_epoch": m0010,
  "0011_meetings": m0011,
  "0012_supervision": m0012,
  "0013_reports": m0013,
  "0014_assigned_tasks": m0014,
  "0015_research": m0015,
  "0016_document_studies": m0016,
  "0017_regulations": m0017,
  "0018_inspections": m0018,
  "0019_finding_sources": m0019,
  "0020_self_checks": m0020,
  "0021_self_assessments": m0021,
  "0022_inspection_templates": m0022,
  "0023_finding_list_indexes": m0023,
  "0024_data_versions": m0024,
  "0025_rubric_versions": m0025,
  "0026_unit_inspections": m0026,
};
