/**
 * An institution with years of inspections and a great many findings (the issue 7 benchmark: 1,000,000), in an SQLite
 * file under .bench/, for bench/inspections.ts. Generating 1M findings takes about a minute, so the file is cached
 * under a key made of FINDINGS_VERSION, the size, the year and the migrations' own text (a changed or added migration
 * means a new file); files of an older version or schema are removed when a new one is made (1.5 GB at 1M).
 *
 * The schema comes from the real migrations; the organization, accounts, plans and inspections go in through Kysely,
 * the findings through one prepared multi-row INSERT in big transactions with the table's secondary indexes dropped
 * and rebuilt at the end. The finding columns are read from the table at run time, so the generator fills the
 * columns of migration 0019 (source, source_id, item_text, event_id) when they exist and refuses to guess at a new
 * NOT NULL column it does not know. No ANALYZE, as in production.
 *
 * Shape: one institution, 60 units (42 colleges and offices, 18 departments below six of the colleges), 40 people
 * each; ten years up to the current one, each half-year with eight member plans covering every unit, an office plan
 * over the ten key departments and a yearly special plan; findings spread over those inspections (and, with 0019, a
 * tenth from units' self-assessments) by a Zipf weight per unit (the largest unit holds about a fifth of them), over
 * the three severities (45/40/15 %), six categories, deadlines 30–90 days after the inspection, and statuses by
 * age (older ones mostly closed, a backlog left open). Seeded: the same size gives the same data.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { v7 as uuidv7 } from "uuid";
import { seededRandom, type Random } from "../../src/features/demo/random.js";
import { FINDING_CATEGORIES, type InspectionTemplate, templateItems } from "../../src/domain/inspection.js";
import { hashPassword } from "../../src/platform/auth/passwords.js";
import { openDatabase } from "../../src/platform/db/database.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { migrateToLatest } from "../../src/platform/db/migrate.js";
import { shippedTemplate } from "../../src/platform/policy/template-loader.js";
import { outputDir, repoRoot } from "../harness/paths.js";

export const FINDINGS_VERSION = "findings-v2";
/** The account bench/inspections.ts signs in as: the secrecy office (保密办) over the whole institution. */
export const READER = { username: "bench-office", password: "正确的马电池订书钉-2027" } as const;

const YEARS = 10;
const UNITS_PER_LEVEL = { colleges: 28, offices: 14, departmentsUnder: 6, departmentsEach: 3 };
const PEOPLE_PER_UNIT = 40;
const MEMBERS = 8;
const KEY_DEPARTMENTS = 10;
const ROWS_PER_STATEMENT = 100;
const ROWS_PER_TRANSACTION = 50_000;

export interface FindingsData {
  file: string;
  findings: number;
  institutionId: string;
  /** The units with the most and the fewest findings, for the unit-filtered lists. */
  largestUnit: { id: string; name: string; findings: number };
  smallestUnit: { id: string; name: string; findings: number };
  years: [number, number];
  /** How many findings match the filters bench/inspections.ts uses. */
  counts: { all: number; open: number; openMajor: number };
  /** Whether the table had migration 0019's columns (source, source_id, item_text). */
  sources: boolean;
  generatedS: number | null;
}

/** The cached file for `findings` findings, generated first if it is missing or from another schema or version. */
export async function ensureFindings(
  findings: number,
  log: (line: string) => void = console.log,
): Promise<FindingsData> {
  fs.mkdirSync(outputDir, { recursive: true });
  const thisYear = new Date().getUTCFullYear();
  const schema = schemaKey();
  const key = `${FINDINGS_VERSION}-${findings}-${thisYear}-${schema}`;
  const file = path.join(outputDir, `${key}.sqlite`);
  const meta = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(meta)) {
    return { ...(JSON.parse(fs.readFileSync(meta, "utf8")) as FindingsData), file, generatedS: null };
  }
  // Files of another version, year or schema are of no further use; other sizes of this one are kept.
  const current = new RegExp(`^${FINDINGS_VERSION}-\\d+-${thisYear}-${schema}\\.`);
  for (const old of fs.readdirSync(outputDir))
    if (old.startsWith("findings-v") && !current.test(old)) fs.rmSync(path.join(outputDir, old), { force: true });
  log(`generating ${findings.toLocaleString("en")} findings (${key}) …`);
  const t0 = performance.now();
  // Built aside and renamed into place, so an interrupted run never leaves a half-made file to be reused.
  const partial = `${file}.partial`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${partial}${suffix}`, { force: true });
  const world = await seedWorld(partial, thisYear);
  const data = fillFindings(partial, world, findings);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${partial}${suffix}`, { force: true });
  fs.renameSync(partial, file);
  const generatedS = (performance.now() - t0) / 1000;
  const result: FindingsData = { ...data, file, generatedS };
  fs.writeFileSync(meta, `${JSON.stringify({ ...result, generatedS: null }, null, 2)}\n`);
  log(`generated in ${generatedS.toFixed(1)} s → ${path.relative(process.cwd(), file)} (${mb(file)} MB)`);
  return result;
}

/** The migrations as they are now: any change to one of them (or a new one) makes a new file. */
function schemaKey(): string {
  const dir = path.join(repoRoot, "src", "platform", "db", "migrations");
  const hash = createHash("sha256");
  for (const name of fs.readdirSync(dir).sort()) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  return hash.digest("hex").slice(0, 10);
}

const mb = (file: string) => Math.round(fs.statSync(file).size / 2 ** 20);

// ── The organization, accounts, plans and inspections (a few thousand rows, through Kysely) ─────────────────────────

interface Unit {
  id: string;
  name: string;
  head: { id: string; name: string };
  weight: number;
  key: boolean;
}

/** A record findings come from: an inspection of a unit, or (with 0019) the unit's yearly self-assessment. */
interface Source {
  kind: "inspection" | "selfAssessment";
  id: string;
  unit: Unit;
  year: number;
  /** The day its findings were made. */
  on: string;
  template: InspectionTemplate;
  weight: number;
}

interface World {
  institutionId: string;
  units: Unit[];
  sources: Source[];
  officeAccount: string;
  liaisonAccount: string;
  years: [number, number];
  today: string;
}

const COLLEGES = [
  "马克思主义学院",
  "经济学院",
  "法学院",
  "教育学院",
  "文学院",
  "外国语学院",
  "新闻与传播学院",
  "历史文化学院",
  "数学与统计学院",
  "物理与电信工程学院",
  "化学学院",
  "生命科学学院",
  "地理科学学院",
  "心理学院",
  "计算机学院",
  "软件学院",
  "电子工程学院",
  "机械与汽车工程学院",
  "材料科学与工程学院",
  "土木与交通学院",
  "环境与能源学院",
  "医学院",
  "药学院",
  "公共管理学院",
  "工商管理学院",
  "音乐学院",
  "美术学院",
  "体育学院",
];
const OFFICES = [
  "党委办公室",
  "校长办公室",
  "保密委员会办公室",
  "组织部",
  "宣传部",
  "统战部",
  "人事处",
  "科学技术研究院",
  "研究生院",
  "教务处",
  "国际交流与合作处",
  "档案馆",
  "网络与信息中心",
  "财务处",
];
const DEPARTMENTS = ["系", "研究所", "实验中心"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志文博宇浩然子涵欣怡";

const name = (random: Random) =>
  `${random.pick([...SURNAMES])}${random.pick([...GIVEN])}${random.next() < 0.6 ? random.pick([...GIVEN]) : ""}`;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function seedWorld(file: string, thisYear: number): Promise<World> {
  const random = seededRandom(7_000_001);
  const db = await openDatabase({ dialect: "sqlite", file });
  await migrateToLatest(db);
  const k = db.kysely;
  const today = new Date().toISOString().slice(0, 10);
  const at = toInstant(new Date(`${thisYear - YEARS}-01-01T00:00:00.000Z`));
  const years: [number, number] = [thisYear - YEARS + 1, thisYear];
  const passwordHash = await hashPassword(READER.password);

  const world = await k.transaction().execute(async (trx) => {
    const makeUnit = async (unitName: string, parent: { id: string; path: string } | null, order: number) => {
      const id = uuidv7();
      const unitPath = `${parent?.path ?? "/"}${id}/`;
      await trx
        .insertInto("unit")
        .values({
          id,
          parent_id: parent?.id ?? null,
          path: unitPath,
          name: unitName,
          kind: parent ? "unit" : "institution",
          sort_order: order,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return { id, path: unitPath };
    };
    const root = await makeUnit("岭南师范大学", null, 0);
    const made: { id: string; name: string }[] = [];
    for (const [i, unitName] of [...COLLEGES, ...OFFICES].entries()) {
      const unit = await makeUnit(unitName, root, i);
      made.push({ id: unit.id, name: unitName });
      if (i < UNITS_PER_LEVEL.departmentsUnder)
        for (let d = 0; d < UNITS_PER_LEVEL.departmentsEach; d++) {
          const deptName = `${unitName.replace(/学院$/, "")}${DEPARTMENTS[d] ?? "系"}`;
          made.push({ id: (await makeUnit(deptName, unit, d)).id, name: deptName });
        }
    }

    const personIn = async (unitId: string) => {
      const id = uuidv7();
      const personName = name(random);
      await trx
        .insertInto("person")
        .values({ id, name: personName, unit_id: unitId, created_at: at, updated_at: at })
        .execute();
      return { id, name: personName };
    };
    const people = new Map<string, { id: string; name: string }[]>();
    for (const unit of made) {
      const list: { id: string; name: string }[] = [];
      for (let p = 0; p < PEOPLE_PER_UNIT; p++) list.push(await personIn(unit.id));
      people.set(unit.id, list);
    }
    const office = made.find((u) => u.name === "保密委员会办公室");
    const president = made.find((u) => u.name === "校长办公室");
    if (!office || !president) throw new Error("the office units are missing");
    const officePeople = people.get(office.id) ?? [];
    const members = (people.get(president.id) ?? []).slice(0, MEMBERS);

    // Zipf weights over a shuffled order: a few units hold most findings, as a few large colleges do.
    const order = made.map((_, i) => i).sort(() => random.next() - 0.5);
    const units: Unit[] = made.map((u, i) => ({
      id: u.id,
      name: u.name,
      head: people.get(u.id)?.[0] ?? { id: "", name: "" },
      weight: 1 / (order.indexOf(i) + 1),
      key: false,
    }));
    // Key departments (要害部门): the offices that keep classified matter, and a few research units.
    for (const u of units)
      if (
        /党委办公室|校长办公室|保密委员会办公室|组织部|档案馆|网络与信息中心|科学技术研究院|人事处|研究所/.test(u.name)
      )
        u.key = true;
    const keyUnits = units.filter((u) => u.key).slice(0, KEY_DEPARTMENTS);

    const account = async (username: string, personId: string | null, adminRole: "SECURITY_ADMIN" | null) => {
      const id = uuidv7();
      await trx
        .insertInto("account")
        .values({
          id,
          username,
          display_name: username,
          person_id: personId,
          admin_role: adminRole,
          status: adminRole ? "disabled" : "active",
          password_hash: passwordHash,
          password_changed_at: at,
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          totp_secret: null,
          totp_pending_secret: null,
          totp_last_step: null,
          last_login_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    };
    const grantor = await account("bench-grantor", null, "SECURITY_ADMIN");
    const reader = officePeople[0] ?? { id: "", name: "" };
    const officeAccount = await account(READER.username, reader.id, null);
    const liaisonAccount = await account("bench-liaison", people.get(made[0]?.id ?? "")?.[1]?.id ?? null, null);
    for (const [accountId, role, unitId] of [
      [officeAccount, "secrecyOffice", root.id],
      [liaisonAccount, "liaison", made[0]?.id ?? ""],
    ] as const)
      await trx
        .insertInto("role_grant")
        .values({
          id: uuidv7(),
          account_id: accountId,
          role,
          unit_id: unitId,
          starts_on: `${years[0] - 1}-01-01`,
          ends_on: null,
          granted_by: grantor,
          created_at: at,
          revoked_at: null,
          revoked_by: null,
        })
        .execute();

    const unitTemplate = shippedTemplate("unit-inspection");
    const keyTemplate = shippedTemplate("key-department-inspection");
    const sources: Source[] = [];
    const plan = async (p: {
      kind: "member" | "office" | "special";
      title: string;
      year: number;
      half: number | null;
      lead: string;
      team: string[];
      startsOn: string;
      endsOn: string;
      template: InspectionTemplate;
      units: Unit[];
    }) => {
      const planId = uuidv7();
      const created = toInstant(new Date(`${p.startsOn}T01:00:00.000Z`));
      await trx
        .insertInto("inspection_plan")
        .values({
          id: planId,
          institution_id: root.id,
          kind: p.kind,
          title: p.title,
          year: p.year,
          half: p.half,
          lead_person_id: p.lead,
          starts_on: p.startsOn,
          ends_on: p.endsOn,
          template_id: p.template.id,
          template_version: p.template.version,
          template: JSON.stringify(p.template),
          created_by: officeAccount,
          created_at: created,
          updated_at: created,
        })
        .execute();
      await trx
        .insertInto("inspection_team")
        .values([...new Set([p.lead, ...p.team])].map((person_id) => ({ plan_id: planId, person_id })))
        .execute();
      const span = (Date.parse(p.endsOn) - Date.parse(p.startsOn)) / 86_400_000;
      for (const unit of p.units) {
        const on = addDays(p.startsOn, random.int(0, Math.max(0, Math.floor(span))));
        const closed = on < today;
        const results = Object.fromEntries(
          templateItems(p.template).map((item) => [
            item.id,
            { outcome: "pass", score: item.kind === "points" ? item.points : null, note: null },
          ]),
        );
        const id = uuidv7();
        await trx
          .insertInto("inspection")
          .values({
            id,
            plan_id: planId,
            institution_id: root.id,
            unit_id: unit.id,
            status: closed ? "closed" : "draft",
            results: JSON.stringify(results),
            summary: closed ? `${unit.name}保密工作总体规范，发现的问题已列入整改清单。` : null,
            closed_on: closed ? on : null,
            closed_at: closed ? toInstant(new Date(`${on}T08:00:00.000Z`)) : null,
            closed_by: closed ? officeAccount : null,
            created_at: created,
            updated_at: created,
          })
          .execute();
        sources.push({ kind: "inspection", id, unit, year: p.year, on, template: p.template, weight: unit.weight });
      }
    };
    for (let year = years[0]; year <= years[1]; year++) {
      for (const half of [1, 2]) {
        const [startsOn, endsOn] = half === 1 ? [`${year}-03-01`, `${year}-06-30`] : [`${year}-09-01`, `${year}-12-20`];
        for (const [m, member] of members.entries())
          await plan({
            kind: "member",
            title: `${year}年${half === 1 ? "上" : "下"}半年委员分管范围保密检查（${member.name}）`,
            year,
            half,
            lead: member.id,
            team: [officePeople[1]?.id ?? reader.id],
            startsOn,
            endsOn,
            template: unitTemplate,
            units: units.filter((_, i) => i % MEMBERS === m),
          });
        await plan({
          kind: "office",
          title: `${year}年${half === 1 ? "上" : "下"}半年要害部门部位保密检查`,
          year,
          half,
          lead: reader.id,
          team: [officePeople[2]?.id ?? reader.id],
          startsOn,
          endsOn,
          template: keyTemplate,
          units: keyUnits,
        });
      }
      await plan({
        kind: "special",
        title: `${year}年涉密载体专项检查`,
        year,
        half: null,
        lead: officePeople[3]?.id ?? reader.id,
        team: [reader.id],
        startsOn: `${year}-10-08`,
        endsOn: `${year}-11-30`,
        template: unitTemplate,
        units: units.filter(() => random.next() < 1 / 3),
      });
      // The units' yearly self-assessments, findings with no inspection (used only when the table has `source`).
      for (const unit of units)
        sources.push({
          kind: "selfAssessment",
          id: uuidv7(),
          unit,
          year,
          on: `${year}-11-20`,
          template: unitTemplate,
          weight: unit.weight * 1.5,
        });
    }
    return { institutionId: root.id, units, sources, officeAccount, liaisonAccount, years, today };
  });
  await db.close();
  return world;
}

// ── The findings (raw, batched) ─────────────────────────────────────────────────────────────────────────────────────

const PROBLEMS = [
  "涉密计算机未按规定粘贴密级标识",
  "非涉密计算机存储处理过工作秘密文件",
  "涉密载体登记台账与实物不一致",
  "保密要害部位门禁记录未按月检查",
  "新进涉密人员保密教育培训记录缺失",
  "保密承诺书未随岗位调整重新签订",
  "会议涉密材料未按规定清退",
  "涉密文件复印未经审批登记",
  "对外宣传材料未经保密审查即发布",
  "移动存储介质交叉使用",
  "保密自查报告内容流于形式",
  "离岗涉密人员脱密期管理不落实",
];
const PLANS = [
  "立即整改，补齐登记台账并由单位负责人审核签字",
  "组织专题保密教育，重新签订保密承诺书",
  "更换涉密介质，清理违规存储的文件并登记销毁",
];

function fillFindings(file: string, world: World, total: number): Omit<FindingsData, "file" | "generatedS"> {
  const random = seededRandom(1_000_007 + total);
  const handle = new BetterSqlite3(file);
  // A scratch file being built: no journal, no fsync; it is renamed into place only once complete.
  handle.pragma("journal_mode = DELETE");
  handle.pragma("synchronous = OFF");
  handle.pragma("foreign_keys = OFF");
  handle.pragma("cache_size = -1000000");
  handle.pragma("temp_store = MEMORY");

  const info = handle.prepare("pragma table_info(inspection_finding)").all() as {
    name: string;
    notnull: number;
    dflt_value: unknown;
  }[];
  const columns = info.map((c) => c.name);
  const sources = columns.includes("source");
  const known = new Set([
    "id",
    "institution_id",
    "source",
    "source_id",
    "inspection_id",
    "unit_id",
    "year",
    "item_id",
    "item_text",
    "category",
    "severity",
    "description",
    "deadline",
    "status",
    "owner_person_id",
    "owner_name",
    "repeat_of",
    "event_id",
    "plan_text",
    "progress",
    "evidence",
    "submitted_by",
    "submitted_at",
    "return_reason",
    "verified_by",
    "verified_at",
    "verification_note",
    "created_by",
    "created_at",
    "updated_at",
  ]);
  const unknown = info.filter((c) => !known.has(c.name) && c.notnull && c.dflt_value === null).map((c) => c.name);
  if (unknown.length > 0)
    throw new Error(`inspection_finding has NOT NULL columns the generator does not fill: ${unknown.join(", ")}`);
  const filled = columns.filter((c) => known.has(c));

  const indexes = handle
    .prepare("select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name = ?")
    .all("inspection_finding") as { name: string; sql: string }[];
  for (const index of indexes) handle.exec(`drop index ${index.name}`);

  // Each source record gets its share of the findings by weight; largest remainders round it to the total.
  const from = world.sources.filter((s) => sources || s.kind === "inspection");
  const weightSum = from.reduce((sum, s) => sum + s.weight, 0);
  const exact = from.map((s) => (total * s.weight) / weightSum);
  const quota = exact.map(Math.floor);
  let left = total - quota.reduce((a, b) => a + b, 0);
  for (const i of exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0])
    .map(([, i]) => i)) {
    if (left-- <= 0) break;
    quota[i] = (quota[i] ?? 0) + 1;
  }
  // In time order, so that ids (UUID v7 of the creation time) arrive in order, as they would in use.
  const order = from.map((_, i) => i).sort((a, b) => (from[a]?.on ?? "").localeCompare(from[b]?.on ?? ""));

  const tuple = `(${filled.map(() => "?").join(",")})`;
  const statement = handle.prepare(
    `insert into inspection_finding (${filled.join(",")}) values ${Array(ROWS_PER_STATEMENT).fill(tuple).join(",")}`,
  );
  const single = handle.prepare(`insert into inspection_finding (${filled.join(",")}) values ${tuple}`);
  const itemsOf = new Map<string, { id: string; text: string }[]>();
  const itemList = (t: InspectionTemplate) => {
    let list = itemsOf.get(t.id);
    if (!list) {
      list = templateItems(t).map((i) => ({ id: i.id, text: JSON.stringify(i.text) }));
      itemsOf.set(t.id, list);
    }
    return list;
  };
  const lastOf = new Map<string, string>();
  const bytes = new Uint8Array(16);
  let seq = 0;
  const idAt = (msecs: number) => {
    for (let b = 0; b < 16; b++) bytes[b] = Math.floor(random.next() * 256);
    return uuidv7({ msecs, seq: seq++ & 0x7fffffff, random: bytes });
  };
  const old = addDays(world.today, -180);

  let batch: unknown[] = [];
  let inBatch = 0;
  let inTransaction = 0;
  const perUnit = new Map<string, number>();
  let open = 0;
  let openMajor = 0;
  handle.exec("begin");
  for (const s of order) {
    const source = from[s];
    const count = quota[s] ?? 0;
    if (!source || count === 0) continue;
    perUnit.set(source.unit.id, (perUnit.get(source.unit.id) ?? 0) + count);
    const items = itemList(source.template);
    const base = Date.parse(`${source.on}T02:00:00.000Z`);
    for (let n = 0; n < count; n++) {
      const madeAt = base + n * 1000;
      const id = idAt(madeAt);
      const item = random.pick(items);
      const deadline = addDays(source.on, random.pick([30, 30, 45, 60, 60, 90]));
      const roll = random.next();
      const status =
        deadline < old
          ? roll < 0.55
            ? "closed"
            : roll < 0.65
              ? "submitted"
              : "open"
          : deadline < world.today
            ? roll < 0.25
              ? "closed"
              : roll < 0.5
                ? "submitted"
                : "open"
            : roll < 0.1
              ? "closed"
              : roll < 0.35
                ? "submitted"
                : "open";
      const sev = random.next();
      const severity = sev < 0.45 ? "minor" : sev < 0.85 ? "major" : "serious";
      if (status === "open") {
        open++;
        if (severity === "major") openMajor++;
      }
      const repeatKey = `${source.unit.id}|${item.id}`;
      const earlier = lastOf.get(repeatKey);
      lastOf.set(repeatKey, id);
      const created = new Date(madeAt).toISOString();
      const submittedAt = new Date(madeAt + random.int(7, 40) * 86_400_000).toISOString();
      const verifiedAt = new Date(Date.parse(submittedAt) + random.int(1, 14) * 86_400_000).toISOString();
      const rectified = status !== "open";
      const owner = random.next() < 0.95 ? source.unit.head : null;
      const row: Record<string, unknown> = {
        id,
        institution_id: world.institutionId,
        source: source.kind,
        source_id: source.id,
        inspection_id: source.kind === "inspection" ? source.id : null,
        unit_id: source.unit.id,
        year: source.year,
        item_id: item.id,
        item_text: item.text,
        category: random.pick(FINDING_CATEGORIES),
        severity,
        description: `${source.unit.name}${random.pick(PROBLEMS)}（第${(n % 40) + 1}处）`,
        deadline,
        status,
        owner_person_id: owner?.id ?? null,
        owner_name: owner?.name ?? null,
        repeat_of: earlier !== undefined && random.next() < 0.3 ? earlier : null,
        event_id: null,
        plan_text: rectified ? random.pick(PLANS) : null,
        progress: rectified ? "已按整改措施完成整改" : null,
        evidence: rectified ? "整改前后照片及登记台账复印件已存档" : null,
        submitted_by: rectified ? world.liaisonAccount : null,
        submitted_at: rectified ? submittedAt : null,
        return_reason: status === "open" && random.next() < 0.05 ? "佐证材料不足，请补充整改前后对比照片" : null,
        verified_by: status === "closed" ? world.officeAccount : null,
        verified_at: status === "closed" ? verifiedAt : null,
        verification_note: status === "closed" ? "经现场复查，整改到位，同意销号" : null,
        created_by: world.officeAccount,
        created_at: created,
        updated_at: status === "closed" ? verifiedAt : rectified ? submittedAt : created,
      };
      for (const c of filled) batch.push(row[c]);
      if (++inBatch === ROWS_PER_STATEMENT) {
        statement.run(batch);
        batch = [];
        inBatch = 0;
      }
      if (++inTransaction === ROWS_PER_TRANSACTION) {
        handle.exec("commit");
        handle.exec("begin");
        inTransaction = 0;
      }
    }
  }
  for (let r = 0; r < inBatch; r++) single.run(batch.slice(r * filled.length, (r + 1) * filled.length));
  handle.exec("commit");
  for (const index of indexes) handle.exec(index.sql);
  const bySize = world.units
    .map((unit) => ({ id: unit.id, name: unit.name, findings: perUnit.get(unit.id) ?? 0 }))
    .sort((a, b) => b.findings - a.findings);
  const written = handle.prepare("select count(*) from inspection_finding").pluck().get() as number;
  handle.close();
  if (written !== total) throw new Error(`wrote ${written} findings, meant ${total}`);
  return {
    findings: total,
    institutionId: world.institutionId,
    largestUnit: bySize[0] ?? { id: "", name: "", findings: 0 },
    smallestUnit: bySize.at(-1) ?? { id: "", name: "", findings: 0 },
    years: world.years,
    counts: { all: total, open, openMajor },
    sources,
  };
}
