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
    adminPages: {
      accounts: "Accounts",
      grants: "Grants",
      clearances: "Clearance Tiers",
      securitySettings: "Security Settings",
      audit: "Audit Log",
    },
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
        "System administration is split between three administrators: the system administrator manages accounts, configuration and backups; the security administrator manages grants, clearance tiers and security settings; the auditor reviews every audit entry, the other two administrators' included. No one holds two of these roles, none holds a business role, and there is no superuser.",
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
    lockoutNotice: "After 5 failed sign-ins in a row the account is locked for 10 minutes (GB/T 22239-2019 8.1.4.1 b).",
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
  common: {
    actions: "Actions",
    retry: "Retry",
    save: "Save",
    reset: "Reset",
    refresh: "Refresh",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Could not copy; select the text and copy it by hand",
    loadMore: "Load more",
    allLoaded: "All loaded: {{count}} in total",
    noMatch: "Nothing matches these filters. Change or reset them.",
  },
  shell: {
    loadFailed: "Could not load your account",
  },
  user: {
    mySecurity: "My security settings",
    logout: "Sign out",
    noRole: "No role assigned",
  },
  signIn: {
    totpTitle: "Two-step verification",
    totpIntro: "Open the authenticator app on your phone and enter the 6-digit code it shows for this platform.",
    recoveryIntro:
      "Without your phone, sign in with one of the recovery codes you saved when you turned on two-step verification. Each code works once.",
    recoveryCode: "Recovery code",
    recoveryRequired: "Enter a recovery code",
    recoveryFormat: "A recovery code looks like xxxx-xxxx-xxxx",
    useRecovery: "Use a recovery code instead",
    useTotp: "Use an authenticator code instead",
    verify: "Verify",
    cancel: "Sign out and use another account",
    passwordTitle: "Change your initial password",
    passwordIntro:
      "You are using a one-time password from the system administrator, or your password has passed its maximum age. Set a new password before you continue.",
    passwordSubmit: "Set new password and continue",
    enrollTitle: "Turn on two-step verification",
    enrollIntro:
      "Your account must use two-step verification (GB/T 22239-2019 8.1.4.1 d: a combination of two or more authentication techniques). Link an authenticator app as follows.",
  },
  password: {
    policyTitle: "Password rules",
    policyLength:
      "{{min}}–{{max}} characters; Chinese, spaces and any symbols are welcome — a memorable sentence works well",
    policyCommon: "Not a common password (such as 12345678 or password)",
    policyUsername: "Must not contain your username",
    policyReuse: "Must differ from your current password",
    policyBasis:
      "Basis: GB/T 22239-2019 (Baseline for Classified Protection of Cybersecurity) 8.1.4.1 a): authentication information must be complex and changed periodically",
    current: "Current password",
    currentRequired: "Enter your current password",
    new: "New password",
    newRequired: "Enter a new password",
    newHint: "At least {{min}} characters",
    tooLong: "The new password may have at most {{max}} characters",
    confirm: "Confirm new password",
    confirmRequired: "Enter the new password again",
    mismatch: "The two new passwords do not match",
  },
  totp: {
    setupFailed: "Could not create a two-step verification secret",
    stepApp: "Install an authenticator app",
    stepAppBody:
      "Install any authenticator app that supports TOTP on your phone, such as Microsoft Authenticator, Google Authenticator, FreeOTP, or the virtual MFA in WeCom or the Alibaba Cloud app.",
    stepScan: "Scan the QR code",
    manualEntry:
      "If you cannot scan, choose “enter a setup key” in the app and type this key (time-based, 6 digits, 30 seconds):",
    stepConfirm: "Enter the code the app shows",
    code: "Authenticator code",
    codeRequired: "Enter the 6-digit code",
    codeFormat: "The code is 6 digits",
    confirm: "Turn on",
    enabled: "Two-step verification is on",
  },
  recovery: {
    title: "Recovery codes",
    onceTitle: "Save these recovery codes now — they are shown only this once",
    onceBody:
      "If you lose your phone or cannot use the authenticator, sign in with a recovery code instead of a code from the app; each works once. Print or download them and keep them safe — not on this platform, and never shared.",
    copy: "Copy all",
    download: "Download as .txt",
    fileHeader:
      "Baomi — Secrecy Responsibility Platform: two-step verification recovery codes for account {{username}} (each works once; keep them safe)",
    saved: "I have saved them — continue",
  },
  security: {
    title: "My security settings",
    account: "Account",
    username: "Username",
    displayName: "Name",
    roles: "Roles",
    passwordChangedAt: "Password changed",
    sessionExpires: "This session",
    sessionExpiresValue: "Ends at {{idle}} if idle, and at {{absolute}} at the latest",
    changePassword: "Change password",
    changePasswordSubmit: "Change password",
    passwordChanged: "Password changed; your sessions on other devices have all been ended",
    twoStep: "Two-step verification",
    twoStepStatus: "Status:",
    on: "On",
    off: "Off",
    required: "Required",
    requiredBody: "Your role must use two-step verification; it cannot be turned off (GB/T 22239-2019 8.1.4.1 d).",
    optionalBody:
      "Once on, signing in needs the code from your phone's authenticator app as well as your password, so a leaked password alone is not enough.",
    enable: "Turn on two-step verification",
    enableTitle: "Turn on two-step verification",
    disable: "Turn off two-step verification",
    disableTitle: "Turn off two-step verification",
    disableBody:
      "Without it, your password alone signs you in, which is less safe. Enter your current password to confirm.",
    disabled: "Two-step verification is off",
    cannotDisable: "Your role must use two-step verification",
    renewCodes: "Renew recovery codes",
    renewTitle: "Renew recovery codes",
    renewBody: "Ten new recovery codes will replace all your current ones. Enter your current password to confirm.",
    sessions: "My sessions",
    sessionsBody:
      "Every session in which your account is signed in. If you do not recognise one, end it at once and change your password.",
    signedInAt: "Signed in",
    lastSeen: "Last active",
    source: "Source address",
    browser: "Browser",
    current: "Current session",
    thisSession: "This session",
    endSession: "End session",
    endSessionConfirm: "End this session? That device will have to sign in again.",
    sessionEnded: "Session ended",
  },
  units: {
    pick: "Choose a unit",
    none: "No units yet",
    loadFailed: "Could not load the units",
  },
  pickers: {
    account: "Search by username or name",
    noAccount: "No account found",
    adminAccount: "Administrator",
    person: "Search by name",
    noPerson: "No person found",
  },
  adminPages: {
    basis: "Basis: {{basis}}",
    threeAdminsBasis:
      "Basis: GB/T 22239-2019 (Baseline for Classified Protection of Cybersecurity) 8.1.4.2 c) (separation of administrator privileges) and 8.1.5 (system, audit and security management).",
    youAre: "You are the {{role}} and can use only the administration pages of that role below.",
    accounts: {
      intro:
        "Create and disable accounts, reset passwords and unlock accounts. New and reset accounts get a one-time password that must be changed at first sign-in. The three administrators' accounts are not managed here.",
      basis:
        "GB/T 22239-2019 8.1.4.1 a) (unique identities, authentication information changed periodically), 8.1.5.1 (system management)",
    },
    grants: {
      intro:
        "Following “tiered management, layered responsibility”, grant business roles to accounts over a chosen unit and all units below it, optionally between two dates. The three administrators cannot hold business roles.",
      basis: "Implementing Rules, Articles 3–8; GB/T 22239-2019 8.1.4.2 (access control)",
    },
    clearances: {
      intro:
        "Set each cleared person's tier (core, important, general) with its dates; the tier decides which classified items' details the person may see.",
      basis: "Law on Guarding State Secrets (revised 2024), Article 43",
    },
    securitySettings: {
      intro: "Choose which business roles must use two-step verification, and the maximum age of a password.",
      basis: "GB/T 22239-2019 8.1.4.1 (identification and authentication), 8.1.5.3 (security management)",
    },
    audit: {
      intro:
        "Review every audit entry — the system and security administrators' actions included — filter by time, actor, action, object and result, and export. The log is append-only and hash-chained against tampering, and is kept for at least six months.",
      basis:
        "Cybersecurity Law, Article 21, item (3); GB/T 22239-2019 8.1.4.3 (security audit), 8.1.5.2 (audit management)",
    },
  },
  accounts: {
    create: "New account",
    createTitle: "New account",
    createSubmit: "Create",
    createNote:
      "A one-time password is generated and shown once. Hand it to the person directly or over a secure channel; they must change it at first sign-in.",
    searchPlaceholder: "Search username or name",
    allStatuses: "All statuses",
    statusLabel: "Status",
    status: {
      active: "Active",
      disabled: "Disabled",
    },
    username: "Username",
    usernameHint: "3–64 characters: letters, digits, dot, underscore and hyphen; not case-sensitive",
    usernameRequired: "Enter a username",
    usernameLength: "A username has 3–64 characters",
    usernameFormat: "A username may contain only letters, digits, dot, underscore and hyphen",
    displayName: "Name",
    displayNameRequired: "Enter the person's name",
    unit: "Unit",
    unitRequired: "Choose the person's unit",
    totp: "Two-step",
    lastLogin: "Last sign-in",
    locked: "Locked",
    lockedUntil: "Locked until {{time}}",
    mustChange: "Initial password not yet changed",
    notManageable: "The three administrators' accounts are not managed here",
    disable: "Disable",
    disableConfirm: "Disable the account of {{name}}?",
    disableBody:
      "All its sessions end at once and it can no longer sign in. Its records and audit history are kept, and it can be enabled again at any time.",
    disabledDone: "Account disabled",
    enable: "Enable",
    enabledDone: "Account enabled",
    reset: "Reset password",
    resetConfirm: "Reset the password of {{name}}?",
    resetBody: "The current password stops working at once and a new one-time password is generated.",
    unlock: "Unlock",
    unlocked: "Account unlocked",
    empty: "No accounts yet. Choose “New account” at the top right to create one for a member of staff.",
    otpTitle: "One-time password",
    otpOnce: "This one-time password is shown only this once",
    otpBody:
      "Copy it and hand it to the person directly or over a secure channel. They must change it at first sign-in. Once this window is closed it cannot be shown again; only another reset helps.",
    oneTimePassword: "One-time password",
    otpDone: "I have noted it — close",
  },
  grants: {
    create: "New grant",
    createTitle: "New grant",
    createSubmit: "Grant",
    created: "Grant in force",
    filterAccount: "Filter by account",
    allRoles: "All roles",
    includeRevoked: "Show revoked grants",
    account: "Account",
    accountRequired: "Choose an account",
    role: "Role",
    roleRequired: "Choose a role",
    rolePlaceholder: "Choose a business role",
    article: "Implementing Rules {{article}}",
    scope: "Scope",
    scopeValue: "{{unit}} and units below",
    scopeHint: "The grant covers the chosen unit and every unit below it",
    scopeRequired: "Choose the scope",
    period: "Valid",
    openEnded: "open-ended",
    startsOn: "Start date",
    startsOnHint: "Empty means today",
    endsOn: "End date",
    endsOnHint: "Empty means open-ended",
    endBeforeStart: "The end date cannot be before the start date",
    state: "State",
    states: {
      active: "In force",
      future: "Not started",
      expired: "Expired",
      revoked: "Revoked",
    },
    revoke: "Revoke",
    revokeConfirm: "Revoke the {{role}} grant of {{name}}?",
    revokeBody:
      "Revocation takes effect at once: the account loses every permission of this role in this scope. The record is kept and cannot be undone; grant again if needed.",
    revoked: "Grant revoked",
    empty: "No grants yet. Choose “New grant” at the top right to give an account a business role over a scope.",
  },
  clearances: {
    create: "Set clearance tier",
    createTitle: "Set clearance tier",
    createSubmit: "Set",
    created: "Clearance tier set",
    filterPerson: "Filter by person",
    allTiers: "All tiers",
    person: "Person",
    personRequired: "Choose a person",
    unit: "Unit",
    tier: "Tier",
    tierHint:
      "Core, important or general cleared person, by degree of access (Law on Guarding State Secrets 2024, Art. 43)",
    tierRequired: "Choose a tier",
    period: "Valid",
    state: "State",
    active: "In force",
    inactive: "Ended",
    end: "End",
    endTitle: "End clearance",
    endBody: "End the {{tier}} clearance of {{name}}. The record is kept, and a tier can be set again later.",
    endsOn: "End date",
    endsOnHint: "Empty means today",
    ended: "Clearance ended",
    empty: "No clearances yet. Choose “Set clearance tier” at the top right to set the tier of a vetted person.",
  },
  settings: {
    fixedTitle: "These rules always apply and cannot be turned off",
    fixedLockout:
      "{{threshold}} failed sign-ins in a row lock the account for {{minutes}} minutes (GB/T 22239-2019 8.1.4.1 b: handling of failed logins).",
    fixedAdminsTotp:
      "The system administrator, security administrator and auditor (the three administrators) must use two-step verification (8.1.4.1 d).",
    fixedSession:
      "A session ends after 30 idle minutes or 12 hours after sign-in (8.1.4.1 b: automatic logout on connection timeout).",
    fixedAudit:
      "Every sign-in, administrative action and refused request is written to the audit log and kept for at least six months (Cybersecurity Law, Art. 21, item 3).",
    totpRoles: "Business roles that must use two-step verification",
    totpRolesHint:
      "Accounts holding any of these roles (in any unit) must link an authenticator app at their next sign-in.",
    rotation: "Password rotation",
    rotationHint:
      "When on, a password older than this must be changed before the platform can be used again (30–365 days).",
    rotateEvery: "every",
    days: "days",
    rotationRange: "The rotation period is 30–365 days",
    saved: "Security settings saved",
  },
  audit: {
    time: "Time range (Beijing time)",
    from: "From",
    to: "To",
    actor: "Actor",
    actorPlaceholder: "Username",
    action: "Action",
    actionPlaceholder: "e.g. auth. or account.create",
    objectType: "Object type",
    objectTypePlaceholder: "e.g. account, grant",
    objectId: "Object ID",
    result: "Result",
    allResults: "All results",
    results: {
      success: "Success",
      failure: "Failure",
      denied: "Denied",
    },
    search: "Search",
    zoneNote:
      "All times are Beijing time (UTC+08:00). Enter an action's full name, or a prefix ending in “.” (such as auth.) to match a whole group.",
    at: "Time",
    object: "Object",
    sourceIp: "Source address",
    details: "Details",
    detailsJson: "Full details",
    anonymous: "(not signed in)",
    role: "Role",
    seq: "Sequence",
    requestId: "Request ID",
    entryId: "Entry ID",
    export: "Export",
    exportCsv: "Export as CSV (opens in Excel)",
    exportJsonl: "Export as JSON Lines (complete)",
    exported: "Audit log exported; the export itself has been recorded in the audit log",
    empty: "No audit entries yet.",
    noMatch: "No audit entries match. Widen the time range or change the filters.",
  },
  forbidden: {
    title: "403",
    subtitle: "Your account may not use this page. If you need it, ask the security administrator for a grant.",
    adminNoBusiness:
      "Under the separation of the three administrators, the system administrator, security administrator and auditor hold no business roles and cannot use the business modules.",
    adminOnly:
      "This page belongs to system administration, which the three administrators (system, security, audit) use each within their own duties. Your account may not open it.",
  },
};
