/**
 * The shipped default policy (广师保密〔2012〕14号): the full text, the roles and committee of Art. 3–8, every duty
 * of Art. 2–7 and 9–13 with its bearer and cadence, the routing of Art. 11(4) and the documents people sign.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { dutyCatalogue } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { BUSINESS_ROLES } from "../../domain/roles.js";
import { defaultPolicyPath, loadPolicyFile } from "./load-policy.js";

let policy: Policy;
beforeAll(() => {
  const result = loadPolicyFile(defaultPolicyPath());
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  policy = result.policy;
});

const dutyIds = (article: number): string[] => dutyCatalogue(policy, { article })[0]?.duties.map((d) => d.id) ?? [];
const duty = (id: string) => {
  const found = policy.duties.find((d) => d.id === id);
  if (!found) throw new Error(`no duty ${id}`);
  return found;
};
const lawsOf = (ref: string): string[] => {
  const article = policy.articles.find((a) => a.id === ref.split(".")[0]);
  const item = article?.items.find((i) => i.id === ref);
  return [...(article?.law ?? []), ...(item?.law ?? [])].map((l) => `${l.law}#${l.article}`);
};

describe("the text", () => {
  it("has the document's header and preamble", () => {
    expect(policy).toMatchObject({ id: "gdpt-2012-14", docNo: "广师保密〔2012〕14号", issuedOn: "2012-10-25" });
    expect(policy.title).toBe("广东技术师范学院保密工作责任制实施细则");
    expect(policy.preamble).toMatch(/^为加强我院保密工作.*制定本细则。$/);
  });

  it("has all 17 articles in order with their items", () => {
    expect(policy.articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    const counts = Object.fromEntries(policy.articles.map((a) => [a.number, a.items.length]));
    expect(counts).toEqual({
      1: 0,
      2: 0,
      3: 3,
      4: 4,
      5: 3,
      6: 3,
      7: 3,
      8: 0,
      9: 5,
      10: 3,
      11: 4,
      12: 4,
      13: 10,
      14: 0,
      15: 0,
      16: 0,
      17: 0,
    });
  });

  it("cites articles and items the Chinese way, with stable ids", () => {
    const art12 = policy.articles.find((a) => a.id === "art12");
    expect(art12?.citation).toBe("第十二条");
    expect(art12?.items.map((i) => [i.id, i.citation])).toEqual([
      ["art12.1", "第十二条第（一）项"],
      ["art12.2", "第十二条第（二）项"],
      ["art12.3", "第十二条第（三）项"],
      ["art12.4", "第十二条第（四）项"],
    ]);
    expect(policy.articles.find((a) => a.id === "art13")?.items[9]).toMatchObject({
      id: "art13.10",
      citation: "第十三条第（十）项",
    });
  });

  it("keeps the wording, joining the item the source broke across lines", () => {
    const item = (id: string) => policy.articles.flatMap((a) => a.items).find((i) => i.id === id)?.text;
    expect(item("art12.1")).toMatch(/^例会制度。原则上每年召开两次，每学期一次，.*报保密委员会主任审定签发；$/);
    expect(item("art11.4")).toBe(
      "负责分管工作范围内国家秘密事项及国家秘密载体管理中的审批，每半年组织开展一次保密检查。",
    );
    expect(item("art13.4")).toBe("依据上级制定的保密法律、法规以及下发的文件，及时组织制定（修订）学院保密规章制度；");
    // No item text keeps its own number or a stray line break.
    for (const i of policy.articles.flatMap((a) => a.items)) expect(i.text).not.toMatch(/^[(（]|\n/);
  });

  it("carries the 2024 law's provisions the rules rely on", () => {
    expect(lawsOf("art2")).toEqual(expect.arrayContaining(["baomifa-2024#8", "baomifa-shishi-tiaoli-2024#6"]));
    expect(lawsOf("art1")).toEqual(expect.arrayContaining(["baomifa-2010#4", "baomifa-2024#4"]));
    expect(lawsOf("art7")).toContain("baomifa-2024#43");
    expect(lawsOf("art11.3")).toContain("baomifa-2024#39");
    expect(lawsOf("art11.4")).toEqual(expect.arrayContaining(["baomifa-2024#16", "baomifa-shishi-tiaoli-2024#14"]));
    expect(lawsOf("art12.4")).toContain("baomifa-shishi-tiaoli-2024#56");
    expect(lawsOf("art12.2")).toContain("baomifa-shishi-tiaoli-2024#58");
    expect(lawsOf("art13.8")).toEqual(expect.arrayContaining(["baomifa-2024#47", "baomifa-shishi-tiaoli-2024#61"]));
    expect(lawsOf("art15")).toContain("baomifa-2024#57");
    // Every citation names the article number it points to, in Chinese numerals.
    for (const ref of policy.articles.flatMap((a) => [...a.law, ...a.items.flatMap((i) => i.law)])) {
      expect(ref.citation).toMatch(/第[一二三四五六七八九十]+条/);
    }
  });
});

describe("roles and committee", () => {
  it("defines every business role, filled the way Art. 3–8 and 13 say", () => {
    expect(policy.roles.map((r) => r.id).sort()).toEqual([...BUSINESS_ROLES].sort());
    const filled = Object.fromEntries(policy.roles.map((r) => [r.id, r.filledBy]));
    expect(filled).toMatchObject({
      partySecretary: { kind: "position", positions: ["PARTY_SECRETARY"] },
      president: { kind: "position", positions: ["PRESIDENT"] },
      secrecyLeader: { kind: "portfolio", area: "secrecy" },
      portfolioLeader: { kind: "portfolio", area: "business" },
      director: { kind: "committee", seat: "director" },
      deputyDirector: { kind: "committee", seat: "deputyDirector" },
      member: { kind: "committee", seat: "member" },
      unitHead: { kind: "position", positions: ["UNIT_HEAD"] },
      liaison: { kind: "position", positions: ["LIAISON"] },
      clearedPerson: { kind: "clearance" },
    });
    const articles = Object.fromEntries(policy.roles.map((r) => [r.id, r.articles[0]]));
    expect(articles).toMatchObject({
      partySecretary: "art3",
      secrecyLeader: "art4",
      portfolioLeader: "art5",
      unitHead: "art6",
      clearedPerson: "art7",
      secrecyOffice: "art13",
    });
  });

  it("composes the committee as Art. 8 does", () => {
    expect(policy.committee.director.position).toBe("PARTY_SECRETARY");
    // The vice-president among the deputies is the one in charge of security (分管保卫工作), chosen by portfolio area.
    expect(policy.committee.deputyDirectors).toEqual([
      { position: "PRESIDENT" },
      { position: "DISCIPLINE_SECRETARY" },
      { position: "VICE_PRESIDENT", area: "security" },
    ]);
    const holders = Object.fromEntries(policy.positions.map((p) => [p.code, p.holders]));
    expect(holders).toMatchObject({
      PARTY_SECRETARY: "one",
      PRESIDENT: "one",
      UNIT_HEAD: "one",
      VICE_PRESIDENT: "many",
      LIAISON: "many",
    });
    expect(policy.committee.members).toEqual({
      headsOfUnits: [
        "PARTY_OFFICE",
        "PRESIDENT_OFFICE",
        "SECURITY_DEPT",
        "GRADUATE_SCHOOL",
        "STUDENT_AFFAIRS",
        "CONTINUING_EDUCATION",
        "ACADEMIC_AFFAIRS",
        "NETWORK_CENTER",
        "DISCIPLINE_OFFICE",
        "ORGANIZATION_DEPT",
        "HR_DEPT",
        "PUBLICITY_DEPT",
        "RESEARCH_DEPT",
        "FOREIGN_AFFAIRS",
      ],
      classifiedUnits: true,
    });
  });
});

describe("the duty catalogue", () => {
  it.each<[number, string[]]>([
    [2, ["art2.secrecy-with-business"]],
    [
      3,
      [
        "art3.1.implement-policy",
        "art3.2.enforce-rules",
        "art3.2.oversee-responsibility-system",
        "art3.3.provide-resources",
      ],
    ],
    [
      4,
      [
        "art4.1.document-briefing",
        "art4.1.lead-by-example",
        "art4.2.hear-report",
        "art4.2.deploy-and-resolve",
        "art4.3.organize-supervision",
        "art4.4.build-office",
        "art4.responsibility-agreement",
      ],
    ],
    [
      5,
      [
        "art5.1.plan-in-portfolio",
        "art5.2.supervise-portfolio",
        "art5.3.support-portfolio",
        "art5.responsibility-agreement",
      ],
    ],
    [
      6,
      [
        "art6.1.unit-agenda",
        "art6.1.decision-task",
        "art6.1.unit-regulations",
        "art6.2.resolve-unit-issues",
        "art6.2.rectify-finding",
        "art6.3.daily-management",
        "art6.3.unit-inspection",
        "art6.responsibility-agreement",
      ],
    ],
    [7, ["art7.1.know-post-duties", "art7.2.self-check", "art7.3.perform-duties", "art7.pledge"]],
    [
      9,
      [
        "art9.1.implement-policy",
        "art9.1.legal-education",
        "art9.2.guide-and-supervise",
        "art9.3.conference",
        "art9.3.report-work",
        "art9.4.penalty-opinion",
        "art9.4.commendation-review",
        "art9.5.assigned-task",
      ],
    ],
    [
      10,
      [
        "art10.1.coordinate-important-matters",
        "art10.2.convene-and-chair",
        "art10.3.assist-director",
        "art10.3.portfolio-secrecy",
      ],
    ],
    [
      11,
      [
        "art11.1.direct-leadership",
        "art11.2.integrate-into-business",
        "art11.3.key-departments",
        "art11.4.approvals",
        "art11.4.half-yearly-inspection",
      ],
    ],
    [
      12,
      [
        "art12.1.regular-meeting",
        "art12.1.extraordinary-meeting",
        "art12.1.meeting-preparation",
        "art12.1.minutes",
        "art12.2.annual-plan",
        "art12.2.mid-year-supervision",
        "art12.2.year-end-assessment",
        "art12.2.annual-summary",
        "art12.3.research",
        "art12.4.plan-report",
        "art12.4.summary-report",
        "art12.4.major-matter-report",
      ],
    ],
    [
      13,
      [
        "art13.1.relay-and-measures",
        "art13.2.draft-plan-and-summary",
        "art13.2.periodic-report",
        "art13.3.propose-improvements",
        "art13.3.implement-decisions",
        "art13.4.regulations",
        "art13.5.vetting",
        "art13.5.training",
        "art13.5.key-departments",
        "art13.6.guide-and-check",
        "art13.6.key-department-inspection",
        "art13.7.oversee-activities-and-systems",
        "art13.8.commendation-selection",
        "art13.8.investigate",
        "art13.8.leak-report",
        "art13.9.budget",
        "art13.9.protective-measures",
        "art13.10.assigned-tasks",
      ],
    ],
  ])("article %i lists its duties", (article, ids) => {
    expect(dutyIds(article)).toEqual(ids);
  });

  it("has no duties under the articles that state principles, composition or closing provisions", () => {
    for (const article of [1, 8, 14, 15, 16, 17]) expect(dutyIds(article), `article ${article}`).toEqual([]);
  });

  it("covers every item of Art. 3–7 and 9–13 with at least one duty", () => {
    const cited = new Set(policy.duties.map((d) => d.article));
    const items = policy.articles
      .filter((a) => a.number >= 2 && a.number <= 13 && a.number !== 8)
      .flatMap((a) => a.items.map((i) => i.id));
    expect(items.filter((id) => !cited.has(id))).toEqual([]);
  });

  it("dates exactly the duties a year's obligations come from", () => {
    const dated = policy.duties
      .filter((d) => d.cadence.every !== "event" && d.cadence.every !== "continuous")
      .map((d) => [d.id, d.bearer, d.cadence] as const);
    expect(dated).toEqual([
      ["art4.responsibility-agreement", "secrecyLeader", { every: "year", window: "start" }],
      ["art5.responsibility-agreement", "portfolioLeader", { every: "year", window: "start" }],
      ["art6.responsibility-agreement", "unitHead", { every: "year", window: "start" }],
      ["art7.2.self-check", "clearedPerson", { every: "person", months: { CORE: 3, IMPORTANT: 6, GENERAL: 12 } }],
      ["art11.4.half-yearly-inspection", "member", { every: "half" }],
      ["art12.1.regular-meeting", "committee", { every: "semester" }],
      ["art12.2.annual-plan", "committee", { every: "year", window: "start" }],
      ["art12.2.mid-year-supervision", "committee", { every: "year", window: "mid" }],
      ["art12.2.year-end-assessment", "committee", { every: "year", window: "end" }],
      ["art12.2.annual-summary", "committee", { every: "year", window: "end" }],
      ["art12.4.plan-report", "committee", { every: "year", window: "start" }],
      ["art12.4.summary-report", "committee", { every: "year", window: "end" }],
    ]);
  });

  it("reports the plan and the summary to the Party committee and the higher committee", () => {
    for (const id of ["art12.4.plan-report", "art12.4.summary-report"]) {
      expect(duty(id)).toMatchObject({
        reportTo: ["partyCommittee", "higherCommittee"],
        discharge: { by: "record", record: "report.submitted" },
      });
    }
  });

  it("discharges the dated duties by the records that prove them", () => {
    const records = Object.fromEntries(
      policy.duties.map((d) => [d.id, d.discharge.by === "record" ? d.discharge.record : "evidence"]),
    );
    expect(records).toMatchObject({
      "art12.1.regular-meeting": "meeting.minutesSigned",
      "art12.2.annual-plan": "annualPlan.approved",
      "art12.2.mid-year-supervision": "supervision.completed",
      "art12.2.year-end-assessment": "assessment.approved",
      "art12.2.annual-summary": "annualSummary.approved",
      "art11.4.half-yearly-inspection": "inspection.closed",
      "art7.2.self-check": "selfCheck.submitted",
      "art6.responsibility-agreement": "agreement.signed",
      "art4.1.document-briefing": "documentStudy.held",
    });
  });

  it("raises extraordinary meetings and leak reports only on their events", () => {
    expect(duty("art12.1.extraordinary-meeting").cadence).toEqual({
      every: "event",
      event: "extraordinaryMeeting.called",
    });
    expect(duty("art13.8.leak-report").cadence).toEqual({ every: "event", event: "leak.discovered", withinHours: 24 });
    expect(duty("art4.1.document-briefing").cadence).toMatchObject({ every: "event" });
  });

  it("describes each duty for the catalogue", () => {
    const [art11] = dutyCatalogue(policy, { article: 11 });
    expect(art11?.duties.find((d) => d.id === "art11.4.half-yearly-inspection")).toMatchObject({
      citation: "第十一条第（四）项",
      bearer: { name: { zh: "保密委员会委员" } },
      cadence: { description: { zh: "每半年一次" } },
    });
    const [art7] = dutyCatalogue(policy, { article: 7 });
    expect(art7?.duties.find((d) => d.id === "art7.2.self-check")?.cadence.description.zh).toBe(
      "每 3/6/12 个月（核心/重要/一般）",
    );
  });
});

describe("routing and documents", () => {
  it("routes classification decisions and carrier actions to the member whose portfolio covers the unit", () => {
    const routes = policy.routing.filter((r) => r.article === "art11.4");
    expect(routes.map((r) => [r.action, r.approver])).toEqual([
      ["classificationDecision.approve", { role: "member", via: "portfolio" }],
      ["carrier.approve", { role: "member", via: "portfolio" }],
    ]);
    expect(policy.routing.find((r) => r.action === "meeting.minutes.signOff")?.approver).toEqual({
      role: "director",
      via: "institution",
    });
  });

  it("has the responsibility agreements and the pledge, with only the known placeholders", () => {
    expect(policy.documents.map((d) => [d.kind, d.role])).toEqual([
      ["responsibilityAgreement", "unitHead"],
      ["responsibilityAgreement", "portfolioLeader"],
      ["responsibilityAgreement", "secrecyLeader"],
      ["pledge", "clearedPerson"],
    ]);
    for (const doc of policy.documents) {
      const text = doc.paragraphs.join("\n");
      const placeholders = new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
      expect(
        [...placeholders].every((p) => ["institution", "unit", "person", "year"].includes(p ?? "")),
        doc.id,
      ).toBe(true);
      expect(placeholders.has("person"), doc.id).toBe(true);
      expect(text, doc.id).toMatch(/第[一二三四五六七八九十]+条/);
      // Unreplaced braces would mean a typo in a placeholder.
      expect(text.replace(/\{\{\w+\}\}/g, ""), doc.id).not.toMatch(/[{}]/);
    }
  });
});
