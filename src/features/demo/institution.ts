/**
 * The shape of the demo institution, modelled on the seed regulation (广师保密〔2012〕14号): the college, the fourteen
 * offices Art. 8 seats on the committee (with the codes the policy's `committee.members.headsOfUnits` names), the
 * secrecy office of Art. 13, and schools with departments (系) below some of them. Only the shape is fixed here; the
 * people in it are generated (plan.ts).
 */

export const DEMO_INSTITUTION_NAME = "广东技术师范学院";

/** How a unit's head seat stands today: filled, filled by an acting head (代理), or vacant — the UI shows all three. */
export type HeadSeat = "regular" | "acting" | "vacant";

export interface DemoUnitSpec {
  key: string;
  name: string;
  /** The code the implementing rules refer to (Art. 8 offices, the secrecy office); null for the rest. */
  code: string | null;
  /** The unit it sits under; null for a unit directly under the institution. */
  parent: string | null;
  /** A designated classified unit (涉密单位): its head sits on the committee too. */
  classified: boolean;
  /** People working in the unit, the head, deputies and liaisons included. */
  size: number;
  head: HeadSeat;
  deputies: number;
}

const office = (key: string, name: string, code: string, size = 8): DemoUnitSpec => ({
  key,
  name,
  code,
  parent: null,
  classified: false,
  size,
  head: "regular",
  deputies: 1,
});

const school = (key: string, name: string, extra: Partial<DemoUnitSpec> = {}): DemoUnitSpec => ({
  key,
  name,
  code: null,
  parent: null,
  classified: false,
  size: 26,
  head: "regular",
  deputies: 2,
  ...extra,
});

const department = (key: string, name: string, parent: string, extra: Partial<DemoUnitSpec> = {}): DemoUnitSpec => ({
  key,
  name,
  code: null,
  parent,
  classified: false,
  size: 8,
  head: "regular",
  deputies: 0,
  ...extra,
});

/** The units below the institution, parents before children, in display order. */
export const DEMO_UNITS: readonly DemoUnitSpec[] = [
  // Art. 8, in the order of the text.
  office("partyOffice", "党委办公室", "PARTY_OFFICE"),
  office("presidentOffice", "院长办公室", "PRESIDENT_OFFICE"),
  office("securityDept", "保卫处", "SECURITY_DEPT", 10),
  office("graduateSchool", "研究生处", "GRADUATE_SCHOOL", 6),
  office("studentAffairs", "学生处（招生就业办）", "STUDENT_AFFAIRS", 10),
  office("continuingEducation", "继续教育学院", "CONTINUING_EDUCATION"),
  office("academicAffairs", "教务处", "ACADEMIC_AFFAIRS", 10),
  office("networkCenter", "计算机网络中心", "NETWORK_CENTER", 9),
  office("disciplineOffice", "纪委办公室", "DISCIPLINE_OFFICE", 5),
  office("organizationDept", "组织部", "ORGANIZATION_DEPT", 6),
  office("hrDept", "人事处", "HR_DEPT"),
  office("publicityDept", "宣传部", "PUBLICITY_DEPT", 6),
  office("researchDept", "科研处", "RESEARCH_DEPT"),
  office("foreignAffairs", "外事处", "FOREIGN_AFFAIRS", 5),
  // Art. 13: the secrecy office; its head is also 保密办公室主任, two full-time secrecy officers work there.
  { ...office("secrecyOffice", "保密办公室", "SECRECY_OFFICE", 4), deputies: 0 },
  school("computerScience", "计算机科学学院"),
  department("softwareEngineering", "软件工程系", "computerScience"),
  department("networkEngineering", "网络工程系", "computerScience", { classified: true }),
  school("mechatronics", "机电学院", { classified: true }),
  department("mechanicalEngineering", "机械工程系", "mechatronics"),
  department("automation", "自动化系", "mechatronics"),
  school("electronics", "电子与信息学院", { classified: true }),
  school("foreignLanguages", "外国语学院", { head: "acting" }),
  department("english", "英语系", "foreignLanguages"),
  school("mathematics", "数学与系统科学学院", { size: 22 }),
  school("literature", "文学与传媒学院", { size: 22 }),
  school("education", "教育科学学院", { size: 22 }),
  school("management", "管理学院"),
  school("automotive", "汽车与交通工程学院", { size: 22 }),
  school("fineArts", "美术学院", { size: 20, head: "vacant" }),
];

export interface DemoLeaderSpec {
  key: string;
  position: "PARTY_SECRETARY" | "PRESIDENT" | "DEPUTY_PARTY_SECRETARY" | "DISCIPLINE_SECRETARY" | "VICE_PRESIDENT";
  since: string;
  /** Institution-wide portfolio areas: `secrecy` (Art. 4), `security` (分管保卫工作, Art. 8). */
  areas: readonly ("secrecy" | "security")[];
  /** 分管: the units of the leader's business portfolio (Art. 5). */
  business: readonly string[];
}

/**
 * The institution's leaders (校级领导) and the division of work among them (分工). Every unit falls in exactly one
 * business portfolio, so every chain has a portfolio leader; departments inherit their school's.
 */
export const DEMO_LEADERS: readonly DemoLeaderSpec[] = [
  { key: "partySecretary", position: "PARTY_SECRETARY", since: "2021-07-01", areas: [], business: [] },
  { key: "president", position: "PRESIDENT", since: "2020-03-01", areas: [], business: [] },
  {
    key: "secrecyDeputy",
    position: "DEPUTY_PARTY_SECRETARY",
    since: "2019-09-01",
    areas: ["secrecy"],
    business: ["partyOffice", "organizationDept", "publicityDept", "secrecyOffice"],
  },
  {
    key: "studentDeputy",
    position: "DEPUTY_PARTY_SECRETARY",
    since: "2022-01-01",
    areas: [],
    business: ["studentAffairs", "foreignLanguages", "literature", "fineArts"],
  },
  {
    key: "disciplineSecretary",
    position: "DISCIPLINE_SECRETARY",
    since: "2020-09-01",
    areas: [],
    business: ["disciplineOffice"],
  },
  {
    key: "securityVp",
    position: "VICE_PRESIDENT",
    since: "2018-07-01",
    areas: ["security"],
    business: ["securityDept", "networkCenter", "mechatronics", "automotive"],
  },
  {
    key: "academicVp",
    position: "VICE_PRESIDENT",
    since: "2019-03-01",
    areas: [],
    business: ["academicAffairs", "continuingEducation", "education", "mathematics"],
  },
  {
    key: "researchVp",
    position: "VICE_PRESIDENT",
    since: "2021-01-01",
    areas: [],
    business: ["researchDept", "graduateSchool", "computerScience", "electronics"],
  },
  {
    key: "adminVp",
    position: "VICE_PRESIDENT",
    since: "2023-03-01",
    areas: [],
    business: ["presidentOffice", "hrDept", "foreignAffairs", "management"],
  },
];
