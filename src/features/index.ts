/**
 * The feature registry: each capability of DESIGN.md §3 adds its routes here, from its own folder
 * (`features/<name>/routes.ts`). Only the app assembly calls this.
 */
import { type FastifyInstance } from "fastify";
import { registerAccessRoutes } from "./access/routes.js";
import { registerAgreementRoutes } from "./agreements/routes.js";
import { registerAccountRoutes } from "./accounts/routes.js";
import { registerAuditLogRoutes } from "./audit-log/routes.js";
import { registerAuthRoutes } from "./auth/routes.js";
import { registerCalendarRoutes } from "./obligations/calendar-routes.js";
import { registerInboxRoutes } from "./obligations/inbox-routes.js";
import { registerInspectionRoutes } from "./inspections/routes.js";
import { registerInspectionTemplateRoutes } from "./inspections/template-routes.js";
import { registerRubricRoutes } from "./rubrics/routes.js";
import { registerFindingStatisticsRoutes } from "./inspections/statistics-routes.js";
import { registerMeetingRoutes } from "./meetings/routes.js";
import { registerSupervisionRoutes } from "./supervision/routes.js";
import { registerReportRoutes } from "./reports/routes.js";
import { registerDocumentStudyRoutes } from "./document-studies/routes.js";
import { registerRegulationRoutes } from "./regulations/routes.js";
import { registerResearchRoutes } from "./research/routes.js";
import { registerObligationRoutes } from "./obligations/routes.js";
import { registerSettingsRoutes } from "./obligations/settings-routes.js";
import { registerOrgImportRoutes } from "./org-import/routes.js";
import { registerInstitutionRoutes } from "./org/institutions.js";
import { registerOrgRoutes } from "./org/routes.js";
import { registerResponsibilityRoutes } from "./responsibility/routes.js";
import { registerSelfCheckRoutes } from "./self-checks/routes.js";
import { registerSelfAssessmentRoutes } from "./self-assessments/routes.js";

type FeatureRegistration = (app: FastifyInstance) => Promise<void> | void;

const features: FeatureRegistration[] = [
  registerAuthRoutes,
  registerAccountRoutes,
  registerAccessRoutes,
  registerOrgRoutes,
  registerInstitutionRoutes,
  registerOrgImportRoutes,
  registerResponsibilityRoutes,
  registerAgreementRoutes,
  registerObligationRoutes,
  registerCalendarRoutes,
  registerInboxRoutes,
  registerSettingsRoutes,
  registerMeetingRoutes,
  registerSupervisionRoutes,
  registerReportRoutes,
  registerDocumentStudyRoutes,
  registerRegulationRoutes,
  registerResearchRoutes,
  registerInspectionRoutes,
  registerInspectionTemplateRoutes,
  registerRubricRoutes,
  registerFindingStatisticsRoutes,
  registerSelfCheckRoutes,
  registerSelfAssessmentRoutes,
  registerAuditLogRoutes,
];

/** Registers every feature's routes on the app. */
export async function registerFeatures(app: FastifyInstance): Promise<void> {
  for (const register of features) await register(app);
}
