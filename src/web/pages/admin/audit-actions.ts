import type { Localized } from "../../../domain/errors";

/** Names of the audited actions a reader needs in words; anything not listed shows its raw name. */
export const AUDIT_ACTION_LABELS: Record<string, Localized> = {
  "auth.login": { zh: "登录", en: "Sign-in" },
  "auth.logout": { zh: "退出", en: "Sign-out" },
  "auth.lockout": { zh: "账号锁定", en: "Account locked" },
  "auth.totp": { zh: "动态验证码", en: "TOTP code" },
  "auth.required": { zh: "未登录访问", en: "Access without sign-in" },
  "auth.pending": { zh: "未完成登录步骤", en: "Sign-in steps unfinished" },
  "request.csrf": { zh: "CSRF 校验失败", en: "CSRF check failed" },
  "request.origin": { zh: "跨站请求", en: "Cross-site request" },
  "account.create": { zh: "创建账号", en: "Create account" },
  "account.update": { zh: "修改账号", en: "Update account" },
  "account.disable": { zh: "停用账号", en: "Disable account" },
  "account.enable": { zh: "启用账号", en: "Enable account" },
  "account.password.change": { zh: "修改密码", en: "Change password" },
  "account.password.reset": { zh: "重置密码", en: "Reset password" },
  "account.unlock": { zh: "解除锁定", en: "Unlock account" },
  "account.totp.setup": { zh: "两步验证：生成密钥", en: "Two-step verification: new secret" },
  "account.totp.enable": { zh: "两步验证：启用", en: "Two-step verification: on" },
  "account.totp.disable": { zh: "两步验证：停用", en: "Two-step verification: off" },
  "account.recovery_codes.renew": { zh: "重新生成恢复码", en: "Renew recovery codes" },
  "session.end": { zh: "结束会话", en: "End session" },
  "grant.create": { zh: "授权", en: "Grant role" },
  "grant.revoke": { zh: "撤销授权", en: "Revoke grant" },
  "clearance.create": { zh: "核定涉密等级", en: "Set clearance tier" },
  "clearance.end": { zh: "终止涉密等级", en: "End clearance" },
  "securitySettings.update": { zh: "安全设置", en: "Security settings" },
  "audit.export": { zh: "导出审计日志", en: "Export audit log" },
  "system.init": { zh: "系统初始化", en: "System initialization" },
};

/** Prefix filters offered in the action box: the API matches a value ending in "." as a prefix. */
export const AUDIT_ACTION_PREFIXES: Record<string, Localized> = {
  "auth.": { zh: "全部登录与会话", en: "All sign-in and session" },
  "account.": { zh: "全部账号操作", en: "All account actions" },
  "grant.": { zh: "全部授权操作", en: "All grant actions" },
  "clearance.": { zh: "全部涉密等级操作", en: "All clearance actions" },
  "request.": { zh: "全部被拒请求", en: "All refused requests" },
};
