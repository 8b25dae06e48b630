import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  agreementBody,
  AGREEMENT_STATUSES,
  bodyParagraphs,
  nextStatus,
  renderTemplate,
  signatureInput,
} from "../../src/domain/agreement.js";
import { AppError } from "../../src/domain/errors.js";
import { defaultPolicyPath, parsePolicy } from "../../src/platform/policy/load-policy.js";

const values = { institution: "广东技术师范学院", unit: "外国语学院", person: "周主任", year: "2027" };

describe("agreement state machine", () => {
  it("goes issued → signed or voided, and nowhere from signed or voided", () => {
    expect(nextStatus("draft", "issue")).toBe("issued");
    expect(nextStatus("issued", "sign")).toBe("signed");
    expect(nextStatus("issued", "void")).toBe("voided");
    expect(nextStatus("draft", "void")).toBe("voided");
    for (const from of ["signed", "voided"] as const)
      for (const action of ["issue", "sign", "void"] as const) expect(() => nextStatus(from, action)).toThrow(AppError);
  });

  it("answers an illegal transition with 409 naming the current state", () => {
    try {
      nextStatus("signed", "void");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      expect(e.status).toBe(409);
      expect(e.localized.zh).toContain("已签署");
      expect(e.details).toEqual({ state: "signed" });
    }
    expect(() => nextStatus("draft", "sign")).toThrow(/draft/);
    expect(AGREEMENT_STATUSES).toEqual(["draft", "issued", "signed", "voided"]);
  });
});

describe("template rendering", () => {
  it("fills the four placeholders of every template of the seed policy, leaving no braces", () => {
    const parsed = parsePolicy(fs.readFileSync(defaultPolicyPath(), "utf8"));
    if (!parsed.ok) throw new Error("seed policy does not parse");
    for (const template of parsed.policy.documents) {
      const result = renderTemplate(template.paragraphs, values);
      expect(result.ok, template.id).toBe(true);
      if (result.ok) expect(result.paragraphs.join("")).not.toMatch(/\{|\}/);
    }
  });

  it("refuses unknown placeholders and stray braces", () => {
    expect(renderTemplate(["{{person}}与{{signer}}", "{{ unit }}"], values)).toEqual({
      ok: false,
      unknown: ["{{signer}}"],
    });
    expect(renderTemplate(["{{person}", "年度{{year}}"], values)).toMatchObject({ ok: false });
    expect(renderTemplate(["{{constructor}}"], values)).toEqual({ ok: false, unknown: ["{{constructor}}"] });
    expect(renderTemplate(["{{ unit }}签订"], values)).toEqual({ ok: true, paragraphs: ["外国语学院签订"] });
  });

  it("puts values in literally, on one line", () => {
    const odd = { ...values, unit: "{{year}}学院\n二部" };
    expect(renderTemplate(["{{unit}}"], odd)).toEqual({ ok: true, paragraphs: ["{{year}}学院 二部"] });
  });

  it("stores the paragraphs one per line and reads them back", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1 }).filter((s) => !s.includes("\n")),
          { minLength: 1 },
        ),
        (ps) => {
          expect(bodyParagraphs(agreementBody(ps))).toEqual(ps);
        },
      ),
    );
  });
});

describe("signature input", () => {
  const facts = {
    agreementId: "a",
    title: "t",
    body: "b",
    personId: "p",
    accountId: "c",
    signedAt: "2027-03-05T02:12:00.000Z",
  };
  it("changes with every fact it covers and cannot be confused by moving text between fields", () => {
    const base = signatureInput(facts);
    for (const key of Object.keys(facts) as (keyof typeof facts)[])
      expect(signatureInput({ ...facts, [key]: `${facts[key]}x` })).not.toBe(base);
    expect(signatureInput({ ...facts, title: 't","b', body: "" })).not.toBe(
      signatureInput({ ...facts, title: "t", body: '","b' }),
    );
  });
});
