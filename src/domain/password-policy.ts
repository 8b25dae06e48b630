/**
 * The password policy (ASVS 2.1, NIST SP 800-63B; 等保 GB/T 22239 8.1.4.1): length counts characters, not bytes,
 * so any Unicode is welcome; no composition rules, but common and guessable passwords are refused.
 */
import { type Localized } from "./errors.js";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { username: string; common: ReadonlySet<string> },
): Localized | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    return {
      zh: `新密码至少需要 ${PASSWORD_MIN} 个字符`,
      en: `The new password needs at least ${PASSWORD_MIN} characters`,
    };
  if (length > PASSWORD_MAX)
    return {
      zh: `新密码不能超过 ${PASSWORD_MAX} 个字符`,
      en: `The new password may have at most ${PASSWORD_MAX} characters`,
    };
  const lower = password.toLowerCase();
  if (context.common.has(lower))
    return {
      zh: "新密码过于常见，容易被猜中，请另选",
      en: "The new password is too common and easy to guess; choose another",
    };
  const username = context.username.toLowerCase();
  if (username.length >= 3 && lower.includes(username))
    return { zh: "新密码不能包含用户名", en: "The new password must not contain the username" };
  if (new Set(password).size < 4)
    return {
      zh: "新密码字符过于单一，请使用更多不同的字符",
      en: "The new password repeats too few characters; use more different ones",
    };
  return null;
}
