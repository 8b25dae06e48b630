import { describe, expect, it } from "vitest";
import { matchTotp, newTotpSecret, totpCodeAt, totpStep, totpUri } from "./totp.js";

describe("TOTP", () => {
  // RFC 6238 Appendix B, SHA-1 secret "12345678901234567890" (base32 below), truncated to 6 digits.
  const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("matches the RFC 6238 vector at %i s", (seconds, code) => {
    expect(totpCodeAt(rfcSecret, totpStep(new Date(seconds * 1000)))).toBe(code);
  });

  it("accepts a code from the step before or after, once", () => {
    const secret = newTotpSecret();
    const at = new Date("2026-11-27T04:00:10Z");
    const step = totpStep(at);
    expect(matchTotp(secret, totpCodeAt(secret, step - 1), at, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCodeAt(secret, step + 1), at, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCodeAt(secret, step - 2), at, null)).toBeNull();
    // Once a step is used, neither it nor an earlier one works again.
    expect(matchTotp(secret, totpCodeAt(secret, step), at, step)).toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, step - 1), at, step)).toBeNull();
    expect(matchTotp(secret, "12345", at, null)).toBeNull();
  });

  it("builds an otpauth URI", () => {
    expect(totpUri("GEZDGNBV", "zhangsan")).toMatch(/^otpauth:\/\/totp\/.*zhangsan\?.*secret=GEZDGNBV/);
  });
});
