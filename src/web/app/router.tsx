import type { ReactNode } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { AccountsPage } from "../pages/admin/accounts-page";
import { AdminPage } from "../pages/admin/admin-page";
import { AuditPage } from "../pages/admin/audit-page";
import { ClearancesPage } from "../pages/admin/clearances-page";
import { GrantsPage } from "../pages/admin/grants-page";
import { SecuritySettingsPage } from "../pages/admin/security-settings-page";
import { WebhooksPage } from "../pages/admin/webhooks-page";
import { ClassificationPage } from "../pages/classification/classification-page";
import { CommitteeHome } from "../pages/committee/committee-home";
import { CommitteePage } from "../pages/committee/committee-page";
import { DocumentDetailPage } from "../pages/committee/documents/document-detail-page";
import { DocumentListPage } from "../pages/committee/documents/document-list-page";
import { MeetingDetailPage } from "../pages/committee/meeting-detail-page";
import { MeetingListPage } from "../pages/committee/meeting-list-page";
import { ResearchDetailPage } from "../pages/committee/research/research-detail-page";
import { ResearchListPage } from "../pages/committee/research/research-list-page";
import { RegulationDetailPage } from "../pages/committee/regulations/regulation-detail-page";
import { RegulationListPage } from "../pages/committee/regulations/regulation-list-page";
import { SupervisionYearPage } from "../pages/committee/supervision/supervision-year-page";
import { TaskDetailPage } from "../pages/committee/task-detail-page";
import { TaskListPage } from "../pages/committee/task-list-page";
import { Allowed } from "../pages/forbidden/forbidden-page";
import { HomePage } from "../pages/home/home-page";
import { IncidentsPage } from "../pages/incidents/incidents-page";
import { InboxPage } from "../pages/inbox/inbox-page";
import { CheckFormPage } from "../pages/inspections/check-form-page";
import { FindingDetailPage } from "../pages/inspections/finding-detail-page";
import { FindingsPage } from "../pages/inspections/findings-page";
import { InspectionsPage } from "../pages/inspections/inspections-page";
import { PlanDetailPage } from "../pages/inspections/plan-detail-page";
import { RubricsPage } from "../pages/inspections/rubrics-page";
import { StatisticsPage } from "../pages/inspections/statistics-page";
import { TemplatesPage } from "../pages/inspections/templates-page";
import { LoginPage } from "../pages/login/login-page";
import { MySecurityPage } from "../pages/me/my-security-page";
import { NotFoundPage } from "../pages/not-found/not-found-page";
import { ChainPage } from "../pages/org/chain-page";
import { CommitteeRosterPage } from "../pages/org/committee-roster-page";
import { ImportPage } from "../pages/org/import-page";
import { MyDutiesPage } from "../pages/org/my-duties-page";
import { OrgLayout } from "../pages/org/org-layout";
import { AcademicCalendarPage } from "../pages/obligations/academic-calendar-page";
import { CalendarPage } from "../pages/obligations/calendar-page";
import { DashboardPage } from "../pages/obligations/dashboard-page";
import { ObligationDetailPage } from "../pages/obligations/obligation-detail-page";
import { ObligationListPage } from "../pages/obligations/obligation-list-page";
import { ObligationsLayout } from "../pages/obligations/obligations-layout";
import { PeoplePage } from "../pages/org/people-page";
import { PolicyPage } from "../pages/org/policy-page";
import { UnitsPage } from "../pages/org/units-page";
import { PersonnelPage } from "../pages/personnel/personnel-page";
import { SelfAssessmentPage } from "../pages/self-assessments/self-assessment-page";
import { SelfAssessmentsPage } from "../pages/self-assessments/self-assessments-page";
import { ReportDetailPage } from "../pages/reports/report-detail-page";
import { ReportsPage } from "../pages/reports/reports-page";
import { AllSelfChecksPage } from "../pages/self-checks/all-self-checks-page";
import { SelfCheckPage } from "../pages/self-checks/self-check-page";
import { SelfChecksPage } from "../pages/self-checks/self-checks-page";
import { ToConfirmPage } from "../pages/self-checks/to-confirm-page";
import { PasswordPage } from "../pages/sign-in/password-page";
import { TotpEnrollmentPage } from "../pages/sign-in/totp-enrollment-page";
import { TotpPage } from "../pages/sign-in/totp-page";
import type { Requirement } from "./access";
import { AppLayout } from "./app-layout";

const guarded = (need: Requirement, page: ReactNode) => <Allowed need={need}>{page}</Allowed>;

/**
 * Routes: the sign-in steps stand alone; everything else lives inside the shell, which sends anyone not signed in to
 * /login. Business modules are for business users, each 系统管理 page for the administrator whose permission opens it;
 * any other route the account may not use is a 403 page, and an unknown one a 404, both inside the shell.
 */
export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  { path: "/login/totp", element: <TotpPage /> },
  { path: "/login/password", element: <PasswordPage /> },
  { path: "/login/totp-enrollment", element: <TotpEnrollmentPage /> },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: "org",
        element: guarded("business", <OrgLayout />),
        children: [
          // 我的职责 is where everyone starts: what the rules ask of them.
          { index: true, element: <Navigate to="mine" replace /> },
          { path: "mine", element: <MyDutiesPage /> },
          { path: "chain", element: guarded("responsibility.read", <ChainPage />) },
          { path: "committee", element: guarded("responsibility.read", <CommitteeRosterPage />) },
          { path: "units", element: guarded("unit.read", <UnitsPage />) },
          { path: "people", element: guarded("person.read", <PeoplePage />) },
          { path: "import", element: guarded("org.manage", <ImportPage />) },
          { path: "policy", element: <PolicyPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
      {
        path: "obligations",
        element: guarded("business", <ObligationsLayout />),
        children: [
          // Everyone reaches 我的事项 (?mine=true); the list of everyone's needs obligation.read (the page redirects).
          { index: true, element: <ObligationListPage /> },
          { path: "calendar", element: guarded("obligation.read", <CalendarPage />) },
          { path: "dashboard", element: guarded("obligation.read", <DashboardPage />) },
          { path: "academic-calendar", element: guarded("obligation.manage", <AcademicCalendarPage />) },
          // One obligation: the server answers 404 for what the account may not see.
          { path: ":id", element: <ObligationDetailPage /> },
        ],
      },
      // 待办 are the account's own notices: every signed-in account has them.
      { path: "inbox", element: guarded("signedIn", <InboxPage />) },
      {
        path: "committee",
        element: guarded("business", <CommitteePage />),
        children: [
          // 例会 and 督办: read across the institution; what each user may do on a meeting comes with it (abilities).
          // Everyone who reads the rules reaches 委员会工作 (cleared persons read 规章制度 only): the first tab they may open.
          { index: true, element: <CommitteeHome meetings={<MeetingListPage />} /> },
          { path: "meetings", element: <Navigate to="/committee" replace /> },
          // One meeting or task: the server answers 404 for what the account may not see.
          { path: "meetings/:id", element: guarded("meeting.read", <MeetingDetailPage />) },
          { path: "tasks", element: guarded("meeting.read", <TaskListPage />) },
          { path: "tasks/:id", element: guarded("meeting.read", <TaskDetailPage />) },
          // 督查考核 (第十二条第（二）项): one page per year; what the user may do on it comes with it (abilities).
          { path: "supervision", element: guarded("supervision.read", <SupervisionYearPage />) },
          // 调研课题 (第十二条第（三）项): what the user may do on a topic comes with it (abilities).
          { path: "research", element: guarded("research.read", <ResearchListPage />) },
          { path: "research/:id", element: guarded("research.read", <ResearchDetailPage />) },
          // 来文学习 and 规章制度: what the user may do on a document or regulation comes with it (abilities).
          { path: "documents", element: guarded("documentStudy.read", <DocumentListPage />) },
          { path: "documents/:id", element: guarded("documentStudy.read", <DocumentDetailPage />) },
          { path: "regulations", element: guarded("regulation.read", <RegulationListPage />) },
          { path: "regulations/:id", element: guarded("regulation.read", <RegulationDetailPage />) },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
      // The old address of 督查考核, kept for bookmarks: it is now a page of the committee's work.
      { path: "supervision", element: <Navigate to="/committee/supervision" replace /> },
      // 检查整改 (第十一条第（四）项、第十三条第（六）项): an inspector on a plan's team needs no grant, so the pages
      // are every business user's; what each may see and do comes from the server.
      { path: "inspections", element: guarded("business", <InspectionsPage />) },
      { path: "inspections/plans/:id", element: guarded("business", <PlanDetailPage />) },
      { path: "inspections/findings", element: guarded("business", <FindingsPage />) },
      { path: "inspections/statistics", element: guarded("business", <StatisticsPage />) },
      { path: "inspections/templates", element: guarded("business", <TemplatesPage />) },
      { path: "inspections/rubrics", element: guarded("business", <RubricsPage />) },
      { path: "inspections/findings/:id", element: guarded("business", <FindingDetailPage />) },
      { path: "inspections/:id", element: guarded("business", <CheckFormPage />) },
      // 单位自查自评 (实施条例第五十八条), part of 检查整改: who sees and fills which unit's comes from the server.
      { path: "self-assessments", element: guarded("business", <SelfAssessmentsPage />) },
      { path: "self-assessments/:id", element: guarded("business", <SelfAssessmentPage />) },
      // 个人保密自查 (第七条第（二）项): a cleared person needs no grant for their own, nor a superior for what they
      // confirm; what each may see and do comes from the server (a self-check they may not see is a 404).
      { path: "self-checks", element: guarded("business", <SelfChecksPage />) },
      { path: "self-checks/to-confirm", element: guarded("business", <ToConfirmPage />) },
      { path: "self-checks/all", element: guarded("inspection.read", <AllSelfChecksPage />) },
      { path: "self-checks/:id", element: guarded("business", <SelfCheckPage />) },
      { path: "personnel", element: guarded("business", <PersonnelPage />) },
      { path: "classification", element: guarded("business", <ClassificationPage />) },
      { path: "incidents", element: guarded("business", <IncidentsPage />) },
      // 报告请示 (第十二条第（四）项): what each user may do on a report comes with it (abilities); one report the
      // account may not see is a 404 from the server.
      { path: "reports", element: guarded("report.read", <ReportsPage />) },
      { path: "reports/:id", element: guarded("report.read", <ReportDetailPage />) },
      { path: "admin", element: guarded("administrator", <AdminPage />) },
      { path: "admin/accounts", element: guarded("account.manage", <AccountsPage />) },
      { path: "admin/webhooks", element: guarded("config.manage", <WebhooksPage />) },
      { path: "admin/grants", element: guarded("grant.manage", <GrantsPage />) },
      { path: "admin/clearances", element: guarded("clearance.manage", <ClearancesPage />) },
      { path: "admin/security-settings", element: guarded("securitySettings.manage", <SecuritySettingsPage />) },
      { path: "admin/audit", element: guarded("audit.read", <AuditPage />) },
      { path: "me/security", element: <MySecurityPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
