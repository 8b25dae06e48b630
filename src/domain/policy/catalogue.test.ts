import { describe, expect, it } from "vitest";
import {
  articleIdOf,
  bearerName,
  citationOf,
  describeCadence,
  describeDischarge,
  describeReportTo,
  dutiesByArticle,
  dutyCatalogue,
  findArticle,
} from "./catalogue.js";
import { PolicySchema, type Cadence, type Policy } from "./schema.js";

/** A two-article policy: enough to exercise every helper without the seed. */
function smallPolicy(): Policy {
  const record = {
    by: "record",
    record: "meeting.minutesSigned",
    condition: { zh: "纪要已签发", en: "minutes signed" },
  };
  return PolicySchema.parse({
    id: "test-policy",
    version: 1,
    title: "测试细则",
    docNo: "测〔2026〕1号",
    issuedOn: "2026-01-01",
    effectiveFrom: "2026-01-01",
    preamble: "为测试，制定本细则。",
    articles: [
      { id: "art2", number: 2, citation: "第二条", text: "第二条全文。" },
      {
        id: "art1",
        number: 1,
        citation: "第一条",
        text: "委员会工作制度：",
        items: [
          { id: "art1.1", citation: "第一条第（一）项", text: "例会制度。" },
          { id: "art1.2", citation: "第一条第（二）项", text: "报告制度。" },
        ],
      },
    ],
    positions: [{ code: "PARTY_SECRETARY", name: { zh: "党委书记", en: "Party secretary" }, scope: "institution" }],
    roles: [
      {
        id: "member",
        name: { zh: "委员（本校称谓）", en: "Member" },
        articles: ["art1"],
        filledBy: { kind: "committee", seat: "member" },
      },
    ],
    committee: {
      article: "art1",
      director: { position: "PARTY_SECRETARY" },
      deputyDirectors: [{ position: "PARTY_SECRETARY" }],
      members: { headsOfUnits: ["PARTY_OFFICE"], classifiedUnits: false },
    },
    duties: [
      {
        id: "art1.1.meeting",
        article: "art1.1",
        title: { zh: "例会", en: "Meeting" },
        bearer: "committee",
        cadence: { every: "semester" },
        discharge: record,
      },
      {
        id: "art2.duty",
        article: "art2",
        title: { zh: "职责", en: "Duty" },
        bearer: "member",
        cadence: { every: "continuous" },
        discharge: { by: "evidence", approver: "director" },
      },
      {
        id: "art1.2.report",
        article: "art1.2",
        title: { zh: "报告", en: "Report" },
        bearer: "secrecyOfficeUnit",
        cadence: { every: "year", window: "end" },
        discharge: record,
        reportTo: ["partyCommittee", "higherCommittee"],
      },
    ],
  });
}

describe("describeCadence", () => {
  it.each<[Cadence, string, string]>([
    [{ every: "semester" }, "每学期一次", "once a semester"],
    [{ every: "year", window: "start" }, "每年年初", "at the start of each year"],
    [{ every: "year", window: "mid" }, "每年年中", "in the middle of each year"],
    [{ every: "year", window: "end" }, "每年年底", "at the end of each year"],
    [{ every: "year", window: "whole" }, "每年一次", "once a year"],
    [{ every: "half" }, "每半年一次", "once every half year"],
    [
      { every: "person", months: { CORE: 3, IMPORTANT: 6, GENERAL: 12 } },
      "每 3/6/12 个月（核心/重要/一般）",
      "every 3/6/12 months (core/important/general)",
    ],
    [
      { every: "person", months: { CORE: 6, IMPORTANT: 6, GENERAL: 6 } },
      "每人每 6 个月一次",
      "every 6 months per person",
    ],
    [
      { every: "event", event: "leak.discovered", withinHours: 24 },
      "发现国家秘密已经泄露或者可能泄露后 24 小时内",
      "within 24 hours after a state secret is found leaked or possibly leaked",
    ],
    [
      { every: "event", event: "higherDocument.received", withinHours: 240 },
      "收到上级保密工作文件和指示后 10 日内",
      "within 10 days after higher secrecy documents or instructions arrive",
    ],
    [
      { every: "event", event: "extraordinaryMeeting.called" },
      "主任决定召开临时会议时",
      "when the director calls an extraordinary meeting",
    ],
    [
      { every: "event", event: "something.new", withinHours: 36 },
      "事件“something.new”发生后 36 小时内",
      'within 36 hours after event "something.new" occurs',
    ],
    [{ every: "continuous" }, "持续", "continuous"],
  ])("%o → %s", (cadence, zh, en) => {
    expect(describeCadence(cadence)).toEqual({ zh, en });
  });
});

describe("article helpers", () => {
  const policy = smallPolicy();

  it("finds an article by number, id or item id", () => {
    expect(articleIdOf("art12.1")).toBe("art12");
    expect(articleIdOf("art12")).toBe("art12");
    expect(findArticle(policy, 1)?.id).toBe("art1");
    expect(findArticle(policy, "art1.2")?.id).toBe("art1");
    expect(findArticle(policy, 9)).toBeUndefined();
  });

  it("looks up the Chinese citation of an article or an item", () => {
    expect(citationOf(policy, "art1")).toBe("第一条");
    expect(citationOf(policy, "art1.2")).toBe("第一条第（二）项");
    expect(citationOf(policy, "art1.9")).toBeUndefined();
    expect(citationOf(policy, "art7")).toBeUndefined();
  });

  it("groups duties under their article, articles in number order, duties in file order", () => {
    const groups = dutiesByArticle(policy);
    expect(groups.map((g) => g.article.id)).toEqual(["art1", "art2"]);
    expect(groups[0]?.duties.map((d) => d.id)).toEqual(["art1.1.meeting", "art1.2.report"]);
    expect(groups[1]?.duties.map((d) => d.id)).toEqual(["art2.duty"]);
  });
});

describe("names and descriptions", () => {
  const policy = smallPolicy();

  it("names bearers: the collective bodies, the policy's own role names, else the platform's", () => {
    expect(bearerName(policy, "committee").zh).toBe("保密委员会");
    expect(bearerName(policy, "secrecyOfficeUnit").zh).toBe("保密办公室");
    expect(bearerName(policy, "member").zh).toBe("委员（本校称谓）");
    expect(bearerName(policy, "unitHead")).toEqual({ zh: "二级单位负责人", en: "Unit head" });
  });

  it("describes a discharge by record with its kind, and by evidence with its approver", () => {
    expect(
      describeDischarge({ by: "record", record: "inspection.closed", condition: { zh: "检查已结束", en: "closed" } }),
    ).toEqual({
      zh: "检查已结束（inspection.closed）",
      en: "closed (inspection.closed)",
    });
    expect(describeDischarge({ by: "evidence", approver: "secrecyOffice" })).toEqual({
      zh: "佐证材料，经保密办公室审核",
      en: "evidence approved by the secrecy office",
    });
  });

  it("names the report targets", () => {
    expect(describeReportTo(["partyCommittee", "higherCommittee"])).toEqual({
      zh: "党委、上级保密委员会",
      en: "the Party committee, the higher committee",
    });
  });

  it("builds the catalogue, whole or for one article", () => {
    const all = dutyCatalogue(policy);
    expect(all.map((a) => a.citation)).toEqual(["第一条", "第二条"]);
    const [only] = dutyCatalogue(policy, { article: 1 });
    expect(dutyCatalogue(policy, { article: 1 })).toHaveLength(1);
    expect(only?.duties[1]).toMatchObject({
      id: "art1.2.report",
      citation: "第一条第（二）项",
      bearer: { id: "secrecyOfficeUnit", name: { zh: "保密办公室" } },
      cadence: { every: "year", window: "end", description: { zh: "每年年底" } },
      discharge: { record: "meeting.minutesSigned", description: { zh: "纪要已签发（meeting.minutesSigned）" } },
      reportTo: [{ id: "partyCommittee" }, { id: "higherCommittee" }],
    });
    expect(dutyCatalogue(policy, { article: 5 })).toEqual([]);
  });
});
