import type { Messages } from "./messages";

// Typed as Messages, so tsc rejects any key missing from or added to zh-CN.
const RULES = "Implementing Rules of the Secrecy Responsibility System (Guangshi Baomi [2012] No. 14)";

export const enUS: Messages = {
  app: {
    name: "Baomi — Secrecy Responsibility Platform",
    shortName: "Baomi",
  },
  header: {
    login: "Sign in",
    language: "Interface language",
  },
  language: {
    zhCN: "中文",
    enUS: "English",
  },
  nav: {
    home: "Dashboard",
    org: "Organization & Duties",
    committee: "Committee Work",
    supervision: "Supervision & Assessment",
    inspections: "Inspections & Rectification",
    personnel: "Cleared Personnel",
    classification: "Classification & Carriers",
    incidents: "Incidents & Accountability",
    reports: "Statistics & Reports",
    admin: "System Administration",
  },
  placeholder: {
    title: "This module is not yet enabled",
    basis: "Basis: {{rules}}, {{citation}}",
    rules: RULES,
  },
  modules: {
    org: {
      description:
        "Will record the institution's units, the positions and portfolios of leaders and unit heads, and the make-up of the secrecy committee, and from them determine who answers for each secrecy responsibility.",
      citation: "Articles 3–8",
    },
    committee: {
      description:
        "Will support the secrecy committee's four working systems — regular meetings, supervision, research and reporting — from the agenda call and meeting materials to signing off the minutes and submitting the annual plan and summary.",
      citation: "Article 12",
    },
    supervision: {
      description:
        "Will record the annual work plan set at the start of the year, the mid-year checks and the year-end assessment and summary, and follow each tracked task until it is closed.",
      citation: "Article 12, item (2)",
    },
    inspections: {
      description:
        "Will schedule the half-yearly inspections each committee member holds within their portfolio and the secrecy office's regular inspections of classified units and key departments and sites, and record findings and follow their rectification.",
      citation: "Article 11, item (4); Article 13, item (6)",
    },
    personnel: {
      description:
        "Will register cleared persons and their tier (core, important, general), and track how they carry out the secrecy duties of their post, including regular self-checks.",
      citation: "Article 7",
    },
    classification: {
      description:
        "Will keep the registers of classification decisions and classified carriers and route approvals to the committee member whose portfolio covers the unit. It records only that an item exists, its level, secrecy period and history — never its content.",
      citation: "Article 11, item (4)",
    },
    incidents: {
      description:
        "Will record how violations and leak incidents were investigated, support the committee's review and penalty opinion, and hold to account those who were responsible at the time.",
      citation: "Article 9, item (4); Article 15",
    },
    reports: {
      description:
        "Will summarize how each unit is carrying out its secrecy work — obligations due and overdue, inspection and rectification progress — as charts and reports.",
      citation: "Article 13, item (2)",
    },
    admin: {
      description:
        "Will be run by the three administrators, kept separate: the system administrator manages accounts, configuration and backups; the security administrator manages grants and security settings; the auditor reviews every audit entry. No one holds two of these roles.",
      citation: "",
    },
  },
  home: {
    welcomeTitle: "Welcome to the Secrecy Responsibility Platform",
    welcomeBody:
      'Following the principles "who runs the business answers for its secrecy" and "tiered management, layered responsibility", the platform records who answers for each secrecy responsibility, when it is due, whether it was done and on what evidence.',
    welcomeNotice:
      "This platform handles secrecy management data only. Never enter, store or process state-secret information here.",
    welcomeHint: "Use the menu on the left to open a module.",
  },
  status: {
    title: "System status",
    version: "Version",
    database: "Database",
    status: "Status",
    serverTime: "Server time",
    ready: "Ready",
    notReady: "Not ready",
    checking: "Checking…",
    unreachable: "Cannot reach the server",
    refresh: "Refresh",
    sqlite: "SQLite (embedded)",
    postgres: "PostgreSQL",
  },
  login: {
    title: "Sign in",
    username: "Username",
    password: "Password",
    usernameRequired: "Please enter your username",
    passwordRequired: "Please enter your password",
    submit: "Sign in",
    failed: "Sign-in failed",
    notice:
      "This platform is for secrecy management only. Never enter, store or process state-secret information here.",
    backHome: "Back to dashboard",
  },
  notFound: {
    title: "404",
    subtitle: "The page you are looking for does not exist.",
    backHome: "Back to dashboard",
  },
  errors: {
    network: "Cannot reach the server. Check the network and try again.",
    unexpected: "The server sent a response that could not be read. Please try again later.",
  },
};
