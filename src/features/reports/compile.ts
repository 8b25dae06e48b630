/**
 * The first draft of a plan or summary report, compiled from the year's records (实施细则第十二条第（四）项): the office
 * edits it before the director signs. Plain text, one paragraph per line; headings 一、 二、 as the document layout
 * expects (report-docx.ts).
 */
import { type Kysely } from "kysely";
import { minutesNumber } from "../../domain/meeting.js";
import { type Database } from "../../platform/db/schema.js";
import { MINUTES_PREFIX } from "../meetings/presenter.js";

type Db = Kysely<Database>;

const cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const heading = (index: number, text: string) => `${cn[index] ?? String(index + 1)}、${text}`;

export interface Draft {
  title: string;
  body: string;
  attachments: string[];
}

export async function compilePlanReport(db: Db, institutionId: string, year: number): Promise<Draft> {
  const plan = await db
    .selectFrom("annual_plan")
    .select(["id", "title", "status"])
    .where("institution_id", "=", institutionId)
    .where("year", "=", year)
    .executeTakeFirst();
  const items = plan
    ? await db
        .selectFrom("plan_item")
        .innerJoin("unit", "unit.id", "plan_item.owner_unit_id")
        .select(["plan_item.title", "unit.name", "plan_item.due_on"])
        .where("plan_id", "=", plan.id)
        .orderBy("position")
        .execute()
    : [];
  const lines = [
    `根据《实施细则》第十二条第（四）项关于年初报告年度保密工作计划的规定，现将我校${year}年度保密工作计划报告如下。`,
    heading(0, "主要工作任务"),
    ...(items.length > 0
      ? items.map((item, i) => `${i + 1}. ${item.title}（责任单位：${item.name}；完成时限：${item.due_on}）。`)
      : ["（年度保密工作计划尚未制定，请先在“督查考核”中起草并报委员会审定。）"]),
    heading(1, "保障措施"),
    "保密委员会将通过例会研究部署、年中督查、年底考核，督促各单位落实计划任务。",
    plan?.status === "approved" ? "本计划已经保密委员会审定。" : "（本计划尚待保密委员会审定。）",
    "特此报告。",
  ];
  return {
    title: `关于报送${year}年度保密工作计划的报告`,
    body: lines.join("\n"),
    attachments: plan ? [plan.title] : [],
  };
}

export async function compileSummaryReport(db: Db, institutionId: string, year: number): Promise<Draft> {
  const [meetings, tasks, obligations, supervision, assessment, summary] = await Promise.all([
    db
      .selectFrom("meeting")
      .select(["title", "year", "minutes_sequence", "held_at"])
      .where("institution_id", "=", institutionId)
      .where("year", "=", year)
      .where("status", "=", "signed")
      .orderBy("held_at")
      .execute(),
    db
      .selectFrom("tracked_task")
      .select(["status"])
      .where("institution_id", "=", institutionId)
      .where("due_on", ">=", `${year}-01-01`)
      .where("due_on", "<=", `${year}-12-31`)
      .execute(),
    db
      .selectFrom("obligation")
      .select(["state"])
      .where("institution_id", "=", institutionId)
      .where("year", "=", year)
      .execute(),
    db
      .selectFrom("supervision")
      .select(["status", "report"])
      .where("institution_id", "=", institutionId)
      .where("year", "=", year)
      .executeTakeFirst(),
    db
      .selectFrom("assessment")
      .select(["id", "status"])
      .where("institution_id", "=", institutionId)
      .where("year", "=", year)
      .executeTakeFirst(),
    db
      .selectFrom("annual_summary")
      .select(["text", "status"])
      .where("institution_id", "=", institutionId)
      .where("year", "=", year)
      .executeTakeFirst(),
  ]);
  const scores = assessment
    ? await db
        .selectFrom("assessment_score")
        .select(["band", "vetoed"])
        .where("assessment_id", "=", assessment.id)
        .execute()
    : [];
  const fulfilled = obligations.filter((o) => o.state !== "open").length;
  const rate = obligations.length > 0 ? ((fulfilled / obligations.length) * 100).toFixed(1) : null;
  const bands = (key: string) => scores.filter((s) => s.band === key).length;
  const lines = [
    `根据《实施细则》第十二条第（四）项关于年终报告年度保密工作总结的规定，现将我校${year}年度保密工作情况报告如下。`,
    heading(0, "责任制落实情况"),
    rate === null
      ? "本年度履职事项尚未生成。"
      : `本年度应履行保密工作职责事项 ${obligations.length} 项，已落实（含依规豁免）${fulfilled} 项，落实率 ${rate}%。`,
    heading(1, "会议与督办"),
    meetings.length > 0
      ? `全年召开保密委员会会议 ${meetings.length} 次（${meetings
          .map(
            (m) =>
              `${m.title}，${m.minutes_sequence === null ? "" : minutesNumber(MINUTES_PREFIX, Number(m.year), m.minutes_sequence)}`,
          )
          .join("；")}）。`
      : "本年度尚无已签发纪要的保密委员会会议。",
    `会议和年度计划确定的督办事项 ${tasks.length} 项，已办结 ${tasks.filter((t) => t.status === "closed").length} 项。`,
    heading(2, "督查与考核"),
    supervision?.status === "completed" ? `年中督查已完成。${supervision.report ?? ""}` : "年中督查尚未完成。",
    scores.length > 0
      ? `年底对 ${scores.length} 个单位进行了考核：符合 ${bands("conform")} 个，基本符合 ${bands("basic")} 个，不符合 ${bands("nonconform")} 个${
          scores.some((s) => s.vetoed === 1) ? `（其中一票否决 ${scores.filter((s) => s.vetoed === 1).length} 个）` : ""
        }${assessment?.status === "approved" ? "，考核结果已经保密委员会审定" : "，考核结果尚待审定"}。`
      : "年底考核尚未进行。",
    heading(3, "年度工作总结"),
    summary ? summary.text : "（年度保密工作总结尚未起草。）",
    "特此报告。",
  ];
  return {
    title: `关于${year}年度保密工作情况的报告`,
    body: lines.join("\n"),
    attachments: summary ? [`${year}年度保密工作总结`] : [],
  };
}
