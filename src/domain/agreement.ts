/**
 * Responsibility agreements (保密责任书): the yearly agreement by which each unit head (实施细则第六条) and each leader
 * (第四条、第五条) takes on the responsibility system of 第二条 and 保守国家秘密法（2024）第八条. The state machine,
 * the rendering of a policy template, and what a signature hashes. Pure: no I/O.
 */
import { AppError, type Localized } from "./errors.js";

export const AGREEMENT_STATUSES = ["draft", "issued", "signed", "voided"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_STATUS_NAMES: Record<AgreementStatus, Localized> = {
  draft: { zh: "草稿", en: "Draft" },
  issued: { zh: "待签署", en: "Issued" },
  signed: { zh: "已签署", en: "Signed" },
  voided: { zh: "已作废", en: "Voided" },
};

/** Where the responsibility system comes from, cited in messages and on the document. */
export const AGREEMENT_BASIS: Localized = {
  zh: "《保守国家秘密法》（2024）第八条、《实施细则》第二条",
  en: "Law on Guarding State Secrets (2024) Art. 8; implementing rules Art. 2",
};

export type AgreementAction = "issue" | "sign" | "void";

// Signed is final: a signed record is corrected by a new record, never by changing this one (DESIGN.md §1).
const TRANSITIONS: Record<AgreementAction, Partial<Record<AgreementStatus, AgreementStatus>>> = {
  issue: { draft: "issued" },
  sign: { issued: "signed" },
  void: { draft: "voided", issued: "voided" },
};

const ACTION_NAMES: Record<AgreementAction, Localized> = {
  issue: { zh: "签发", en: "issued" },
  sign: { zh: "签署", en: "signed" },
  void: { zh: "作废", en: "voided" },
};

/** The status after an action, or a 409 that names the current status. */
export function nextStatus(current: AgreementStatus, action: AgreementAction): AgreementStatus {
  const next = TRANSITIONS[action][current];
  if (next) return next;
  const state = AGREEMENT_STATUS_NAMES[current];
  const act = ACTION_NAMES[action];
  const final = current === "signed" ? "；已签署的责任书不得更改，如需更正请另行签发" : "";
  throw new AppError(
    "CONFLICT",
    {
      zh: `该责任书当前状态为“${state.zh}”，不能${act.zh}${final}`,
      en: `The agreement is ${state.en.toLowerCase()}; it cannot be ${act.en}`,
    },
    { state: current },
  );
}

/** The placeholders a template may use (policy `documents:`), filled in at issue. */
export const TEMPLATE_PLACEHOLDERS = ["institution", "unit", "person", "year"] as const;
export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The paragraphs with their placeholders filled, or the unknown placeholders (and stray braces) that stop it. */
export function renderTemplate(
  paragraphs: readonly string[],
  values: TemplateValues,
): { ok: true; paragraphs: string[] } | { ok: false; unknown: string[] } {
  const known: Record<string, string> = values;
  const isKnown = (name: string) => (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
  const unknown = new Set<string>();
  // A value is one line of text: a line break inside it would split a paragraph of the signed body.
  const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, " ");
  const rendered = paragraphs.map((paragraph) => {
    for (const [whole, name = ""] of paragraph.matchAll(PLACEHOLDER)) if (!isKnown(name)) unknown.add(whole);
    // "{{" or "}}" left over is a misspelt placeholder; signing it would put template syntax into a signed record.
    for (const stray of paragraph.replace(PLACEHOLDER, "").match(/\{\{|\}\}/g) ?? []) unknown.add(stray);
    // Values go in literally: braces in a unit's name are text, not template syntax.
    return paragraph.replace(PLACEHOLDER, (whole, name: string) =>
      isKnown(name) ? oneLine(known[name] ?? "") : whole,
    );
  });
  return unknown.size ? { ok: false, unknown: [...unknown] } : { ok: true, paragraphs: rendered };
}

/** The stored body: the rendered paragraphs, one per line. */
export function agreementBody(paragraphs: readonly string[]): string {
  return paragraphs.join("\n");
}

/** The paragraphs of a stored body. */
export function bodyParagraphs(body: string): string[] {
  return body.split("\n");
}

export interface SignatureFacts {
  agreementId: string;
  title: string;
  body: string;
  personId: string;
  accountId: string;
  /** The stored instant of signing. */
  signedAt: string;
}

/**
 * What a signature hash covers: the canonical text, who signed, through which account, when. A JSON array has one
 * spelling for given strings, so anyone holding the record can recompute the SHA-256 and compare.
 */
export function signatureInput(facts: SignatureFacts): string {
  return JSON.stringify([
    "baomi-agreement-signature-v1",
    facts.agreementId,
    facts.title,
    facts.body,
    facts.personId,
    facts.accountId,
    facts.signedAt,
  ]);
}
