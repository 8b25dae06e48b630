import { createBrowserRouter } from "react-router";
import { AdminPage } from "../pages/admin/admin-page";
import { ClassificationPage } from "../pages/classification/classification-page";
import { CommitteePage } from "../pages/committee/committee-page";
import { HomePage } from "../pages/home/home-page";
import { IncidentsPage } from "../pages/incidents/incidents-page";
import { InspectionsPage } from "../pages/inspections/inspections-page";
import { LoginPage } from "../pages/login/login-page";
import { NotFoundPage } from "../pages/not-found/not-found-page";
import { OrgPage } from "../pages/org/org-page";
import { PersonnelPage } from "../pages/personnel/personnel-page";
import { ReportsPage } from "../pages/reports/reports-page";
import { SupervisionPage } from "../pages/supervision/supervision-page";
import { AppLayout } from "./app-layout";

/** Routes: /login stands alone; every module lives inside the shell; anything else is a 404 inside the shell. */
export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "org", element: <OrgPage /> },
      { path: "committee", element: <CommitteePage /> },
      { path: "supervision", element: <SupervisionPage /> },
      { path: "inspections", element: <InspectionsPage /> },
      { path: "personnel", element: <PersonnelPage /> },
      { path: "classification", element: <ClassificationPage /> },
      { path: "incidents", element: <IncidentsPage /> },
      { path: "reports", element: <ReportsPage /> },
      { path: "admin", element: <AdminPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
