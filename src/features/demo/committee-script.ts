/**
 * What the demo committee did in a year, as plain data before any id exists: the annual plan and its items, the two
 * regular meetings (one a semester, 实施细则第十二条第（一）项) with their agenda, minutes and decisions, the mid-year
 * supervision notes, which units fell short at the year-end assessment, and the dates of every approval and report.
 * Two scripts: the previous calendar year (complete) and the current one (the writer keeps only what has happened by
 * the load date). Pure and seeded like plan.ts, so every machine loads the same committee year.
 *
 * Management data only (DESIGN.md §1): the texts say that work was done and by whom, never what any secret is, and
 * carry no secrecy marking.
 */
import { addDays } from "./plan.js";
import { type Random } from "./random.js";
import { day } from "./beijing.js";

/** A decision of the minutes or an item of the plan: a tracked task (督办) of its owner unit once signed/approved. */
export interface ScriptTask {
  title: string;
  /** The owner unit's key (institution.ts). */
  unit: string;
  dueOn: string;
  /** The completion report the unit files (办结报告). */
  done: string;
  /** A task left undone past its deadline: its progress notes, and it is never reported. */
  stalled?: { on: string; percent: number; note: string }[];
}

/** An agenda item: a unit's proposal (by the demo account that filed it) or the office's own item (`by: null`). */
export interface ScriptAgendaItem {
  unit: string;
  title: string;
  summary: string;
  by: string | null;
  /** Why the office left it off the agenda; absent for an accepted item. */
  declined?: string;
}

export interface ScriptMeeting {
  title: string;
  /** The day it is held (Asia/Shanghai), at 14:30. */
  heldOn: string;
  place: string;
  agenda: ScriptAgendaItem[];
  /** The minutes, given who chaired (the director on the day) and how many attended. */
  minutes: (facts: { director: string; present: number; onLeave: number }) => string;
  decisions: ScriptTask[];
}

export interface YearScript {
  year: number;
  plan: { title: string; body: string; draftedOn: string; approvedOn: string; items: ScriptTask[] };
  meetings: ScriptMeeting[];
  supervision: { notes: { unit: string; on: string; text: string }[]; completedOn: string; report: string };
  /** Units assessed below 符合 (the rest conform); scoring runs over the first days of December. */
  assessment: {
    scoredFrom: string;
    approvedOn: string;
    basic: string[];
    nonconform: string[];
    /** Units whose overdue rectification is deducted (扣分项 deduct.overdue-rectification). */
    overdueRectification: string[];
  };
  summary: { draftedOn: string; approvedOn: string };
  /** Plan and summary reports: drafted, signed and submitted to the Party committee, then to the higher committee. */
  reports: {
    plan: { draftedOn: string; signedOn: string; submittedOn: [string, string] };
    summary: { draftedOn: string; signedOn: string; submittedOn: [string, string] };
  };
}

const PLACE = "行政楼三楼第一会议室";

/** The committee's previous calendar year, complete: every record closed, one decision overdue. */
export function previousYearScript(year: number, random: Random): YearScript {
  const y = year;
  const spring = day(y, 4, random.int(14, 23));
  const autumn = day(y, 12, random.int(15, 18));
  return {
    year: y,
    plan: {
      title: `${y}年度保密工作计划`,
      draftedOn: day(y, 1, random.int(8, 14)),
      approvedOn: day(y, 3, random.int(3, 7)),
      body: [
        `${y}年，学院保密工作以《中华人民共和国保守国家秘密法》及其实施条例为遵循，按照《实施细则》的要求，坚持“业务谁主管、保密谁负责”，全面落实保密工作责任制，确保全年不发生泄密事件。`,
        "一、压实保密工作责任。年初完成领导干部和各单位负责人年度保密工作责任书签订，涉密人员保密承诺书做到应签尽签。",
        "二、抓好重点领域管理。突出教育考试、涉密科研项目、涉密载体和网络信息等重点环节，做好重要涉密活动的保密管理。",
        "三、加强宣传教育培训。组织全院保密教育和警示教育，涉密人员年度培训和保密知识测试全覆盖。",
        "四、强化督查考核。年中开展保密工作督查，年底按评分表对各单位进行考核，考核结果纳入单位年度综合考评。",
      ].join("\n"),
      items: [
        {
          title: "组织各单位负责人签订年度保密工作责任书，督促涉密人员签订保密承诺书",
          unit: "partyOffice",
          dueOn: day(y, 3, 31),
          done: "全院各单位负责人均已签订年度保密工作责任书，涉密人员保密承诺书全部签订并归档。",
        },
        {
          title: "做好新入职教职工岗前保密教育，完成新调整涉密岗位人员的审查界定",
          unit: "hrDept",
          dueOn: day(y, 9, 30),
          done: "已对本年度新入职教职工开展岗前保密教育，新调整涉密岗位人员均已完成审查界定并报保密办公室备案。",
        },
        {
          title: "落实期末考试试卷命题、印制、保管、分发全过程保密管理",
          unit: "academicAffairs",
          dueOn: day(y, 12, 20),
          done: "两个学期期末考试试卷保密工作方案均已落实，命题、印制、保管、分发各环节登记完整，未发生问题。",
        },
        {
          title: "做好研究生招生考试自命题科目试卷的保密管理",
          unit: "graduateSchool",
          dueOn: day(y, 12, 20),
          done: "自命题科目命题、制卷工作已在指定场所完成，试卷交接、保管登记齐全。",
        },
        {
          title: "开展涉密计算机和存储介质年度保密技术检查",
          unit: "networkCenter",
          dueOn: day(y, 11, 30),
          done: "已完成全院涉密计算机和存储介质年度保密技术检查，检查报告已报保密办公室，发现的问题已整改。",
        },
        {
          title: "规范学院网站和新媒体信息发布保密审查，落实“先审后发”",
          unit: "publicityDept",
          dueOn: day(y, 10, 31),
          done: "已修订学院网站和新媒体信息发布审查办法，各单位账号审查责任人已登记备案。",
        },
        {
          title: "完成涉密科研项目保密管理台账核查，督促项目组落实保密措施",
          unit: "researchDept",
          dueOn: day(y, 11, 30),
          done: "已逐项核查在研涉密科研项目保密管理台账，项目组人员培训和承诺书签订情况均已落实。",
        },
        {
          title: "做好因公出国（境）人员行前保密提醒和回国报告归档",
          unit: "foreignAffairs",
          dueOn: day(y, 12, 15),
          done: "本年度因公出国（境）人员行前保密提醒和回国报告已全部归档。",
        },
        {
          title: "完成本单位涉密载体年度清查，做到账物相符",
          unit: "mechatronics",
          dueOn: day(y, 12, 10),
          done: "已完成涉密载体年度清查，台账与实物相符，到期载体已按规定清退。",
        },
      ],
    },
    meetings: [
      {
        title: `${y - 1}—${y}学年第二学期保密委员会例会`,
        heldOn: spring,
        place: PLACE,
        agenda: [
          {
            unit: "secrecyOffice",
            title: `通报${y - 1}年度保密工作考核结果和${y}年度保密工作计划`,
            summary: `保密办公室通报上年度各单位考核情况及本年度计划安排`,
            by: null,
          },
          {
            unit: "academicAffairs",
            title: `研究部署${y}年教育考试试卷保密管理工作`,
            summary: "期末考试和各类教育考试试卷的命题、印制、保管、分发需明确责任分工和保密措施，提请委员会研究。",
            by: "demo.weiyuan",
          },
          {
            unit: "secrecyOffice",
            title: "研究学院网站和新媒体信息发布保密审查工作",
            summary: "部分单位网站和新媒体账号发布信息审查记录不全，提请委员会研究落实“先审后发”的措施。",
            by: null,
          },
          {
            unit: "computerScience",
            title: "汇报涉密科研项目保密管理情况",
            summary: "学院在研涉密科研项目的人员管理、场所管理和载体管理情况汇报。",
            by: "demo.zhuren",
          },
          {
            unit: "computerScience",
            title: "关于为网络工程系实验室增配密码文件柜的建议",
            summary: "实验室现有文件柜数量不足，建议学校统一增配。",
            by: "demo.baomiyuan",
            declined: "属设备配置事项，已转保密办公室按程序办理，不列入本次例会议程。",
          },
        ],
        minutes: ({ director, present, onLeave }) =>
          [
            `${longDate(spring)}下午，学院保密委员会在${PLACE}召开${y - 1}—${y}学年第二学期例会。会议由保密委员会主任、党委书记${director}主持，应到委员${present + onLeave}人，实到${present}人，${onLeave}人请假；保密办公室负责同志列席会议。现将会议议定事项纪要如下：`,
            `一、会议听取了保密办公室关于${y - 1}年度保密工作考核结果和${y}年度保密工作计划的通报。会议认为，上年度全院保密工作总体平稳，各单位保密工作责任制落实较好；同时指出，部分单位网站和新媒体信息发布审查不够规范，个别单位保密工作档案不齐全，须在本年度加以整改。`,
            `二、会议研究了${y}年教育考试试卷保密管理工作。会议要求教务处牵头制定试卷保密工作方案，严格落实命题、印制、运送、保管、分发各环节的保密措施，确保考试安全。`,
            "三、会议研究了学院网站和新媒体信息发布保密审查工作。会议强调，各单位要严格执行“先审后发”制度，明确审查责任人，做到审查有记录、责任可追溯。",
            "四、会议听取了计算机科学学院关于涉密科研项目保密管理情况的汇报，对该院落实保密措施的做法给予肯定，要求科研处加强对涉密科研项目全过程的保密指导。",
            "会议确定的事项由保密办公室督办，各责任单位按期报告办理情况。",
          ].join("\n"),
        decisions: [
          {
            title: `教务处牵头制定${y}年期末考试和各类教育考试试卷保密工作方案，报保密办公室备案`,
            unit: "academicAffairs",
            dueOn: day(y, 6, 10),
            done: "试卷保密工作方案已经分管院领导审定并报保密办公室备案，已于期末考试前组织命题教师和印制人员学习。",
          },
          {
            title: "宣传部会同计算机网络中心完成学院网站及各单位新媒体账号信息发布保密审查情况登记",
            unit: "publicityDept",
            dueOn: day(y, 7, 15),
            done: "已完成学院网站及42个新媒体账号的审查责任人登记，登记表已报保密办公室。",
          },
          {
            title: "汽车与交通工程学院建立本单位网站和新媒体信息发布“先审后发”制度，明确审查责任人，报保密办公室备案",
            unit: "automotive",
            dueOn: day(y, 10, 31),
            done: "",
            stalled: [
              {
                on: day(y, 7, 3),
                percent: 30,
                note: "已明确学院办公室负责信息发布审查，制度草案正在起草。",
              },
              {
                on: day(y, 10, 24),
                percent: 60,
                note: "制度草案已形成，正在征求各系意见；因学院网站改版，预计不能按期完成。",
              },
            ],
          },
          {
            title: "科研处完成涉密科研项目保密管理台账核查，督促项目组落实保密措施",
            unit: "researchDept",
            dueOn: day(y, 9, 30),
            done: "已完成在研涉密科研项目台账核查，督促2个项目组补签保密承诺书。",
          },
        ],
      },
      {
        title: `${y}—${y + 1}学年第一学期保密委员会例会`,
        heldOn: autumn,
        place: PLACE,
        agenda: [
          {
            unit: "secrecyOffice",
            title: `审议${y}年度各单位保密工作考核结果`,
            summary: "保密办公室按评分表对各单位进行了考核，提请委员会审议。",
            by: null,
          },
          {
            unit: "secrecyOffice",
            title: `审议${y}年度保密工作总结`,
            summary: "年度保密工作总结（送审稿）。",
            by: null,
          },
          {
            unit: "secrecyOffice",
            title: "通报年中督查发现问题的整改情况",
            summary: "年中督查发出督查意见的单位整改情况。",
            by: null,
          },
          {
            unit: "academicAffairs",
            title: "期末考试试卷保密工作安排",
            summary: "本学期期末考试试卷印制、保管安排及保密措施。",
            by: "demo.weiyuan",
          },
        ],
        minutes: ({ director, present, onLeave }) =>
          [
            `${longDate(autumn)}下午，学院保密委员会在${PLACE}召开${y}—${y + 1}学年第一学期例会。会议由保密委员会主任、党委书记${director}主持，应到委员${present + onLeave}人，实到${present}人，${onLeave}人请假；保密办公室负责同志列席会议。现将会议议定事项纪要如下：`,
            `一、会议审议了${y}年度各单位保密工作考核结果。会议同意保密办公室提出的考核意见，要求考核结果为“基本符合”和“不符合”的单位对照扣分事项认真整改。`,
            `二、会议审议了${y}年度保密工作总结，原则同意，请保密办公室根据会议意见修改后报主任审定，并按规定报送院党委和上级保密委员会。`,
            "三、会议听取了年中督查问题整改情况的通报。会议指出，汽车与交通工程学院信息发布审查制度建设事项逾期未办结，要求该院主要负责人亲自督促，尽快办结。",
            "四、会议听取了教务处关于本学期期末考试试卷保密工作的安排，要求严格落实试卷保管和交接登记制度。",
          ].join("\n"),
        decisions: [
          {
            title: `党委办公室做好${y + 1}年度保密工作责任书的修订和签订准备工作`,
            unit: "partyOffice",
            dueOn: day(y + 1, 2, 28),
            done: "责任书文本已根据新修订的《保密法实施条例》修订，签订工作已完成部署。",
          },
          {
            title: "考核结果为“基本符合”的单位对照扣分事项制定整改措施，书面报告保密办公室",
            unit: "literature",
            dueOn: day(y + 1, 1, 15),
            done: "已对照扣分事项制定整改措施，补齐保密工作档案，整改报告已报保密办公室。",
          },
          {
            title: "计算机网络中心对检查中发现问题的涉密计算机完成整改复查",
            unit: "networkCenter",
            dueOn: day(y + 1, 1, 15),
            done: "已对3台涉密计算机完成整改复查，安全审计日志已恢复按月审查。",
          },
          {
            title: "人事处会同保密办公室完成寒假前涉密人员因私出入境证件集中保管情况核查",
            unit: "hrDept",
            dueOn: day(y + 1, 1, 10),
            done: "已核查涉密人员因私出入境证件集中保管情况，证件均按规定交由人事处保管。",
          },
        ],
      },
    ],
    supervision: {
      notes: [
        {
          unit: "automotive",
          on: day(y, 6, random.int(16, 19)),
          text: "经查，你院网站和新媒体账号发布信息尚未建立“先审后发”登记制度，部分信息未见审查记录；保密委员会例会确定的制度建设事项进度滞后。请于10月31日前完成制度建设，明确审查责任人，并将整改情况书面报告保密办公室。",
        },
        {
          unit: "foreignLanguages",
          on: day(y, 6, random.int(22, 25)),
          text: "经查，你院本年度有3名教师因公出国（境）交流，其中1人行前保密提醒记录缺失；保密工作档案中缺少上年度工作总结。请于7月31日前补齐相关记录，并加强对外交流保密管理。",
        },
      ],
      completedOn: day(y, 7, random.int(6, 10)),
      report: [
        `根据${y}年度保密工作计划，保密委员会办公室于6月10日至6月28日对全院各单位开展年中保密工作督查，采取听取汇报、查阅台账、现场抽查相结合的方式，重点检查保密工作责任制落实、涉密人员和涉密载体管理、网站信息发布审查以及例会议定事项办理情况。`,
        "总体看，各单位能够按照年度计划推进保密工作，例会议定的督办事项大多按期推进。督查中发现的主要问题：一是个别单位网站和新媒体信息发布审查制度不健全；二是个别单位对外交流保密提醒记录不完整；三是部分单位保密工作档案归档不及时。",
        "针对上述问题，已向汽车与交通工程学院、外国语学院发出督查意见，限期整改，整改情况纳入年底考核。",
      ].join("\n"),
    },
    assessment: {
      scoredFrom: day(y, 12, 1),
      approvedOn: addDays(autumn, 4),
      basic: ["foreignLanguages", "fineArts", "literature", "continuingEducation"],
      nonconform: ["automotive"],
      overdueRectification: ["automotive"],
    },
    summary: { draftedOn: day(y, 12, 8), approvedOn: addDays(autumn, 4) },
    reports: {
      plan: {
        draftedOn: day(y, 3, 10),
        signedOn: day(y, 3, 13),
        submittedOn: [day(y, 3, 16), day(y, 3, 17)],
      },
      summary: {
        draftedOn: addDays(autumn, 5),
        signedOn: addDays(autumn, 8),
        submittedOn: [addDays(autumn, 9), addDays(autumn, 10)],
      },
    },
  };
}

/** The committee's current calendar year as it was planned; the writer keeps what happened by the load date. */
export function currentYearScript(year: number, random: Random): YearScript {
  const y = year;
  const spring = day(y, 4, random.int(14, 23));
  const autumn = day(y, 12, random.int(15, 18));
  return {
    year: y,
    plan: {
      title: `${y}年度保密工作计划`,
      draftedOn: day(y, 1, random.int(6, 12)),
      approvedOn: day(y, 3, random.int(2, 6)),
      body: [
        `${y}年，学院保密工作以贯彻落实《中华人民共和国保守国家秘密法》及其实施条例为主线，按照《实施细则》的要求，坚持问题导向，把上年度督查考核发现的问题整改作为重点，进一步压实各级保密责任。`,
        "一、对照修订后的法律法规，完成学院保密管理制度的清理和修订。",
        "二、持续抓好教育考试、涉密科研项目、涉密载体和网络信息等重点环节的保密管理。",
        "三、开展涉密人员年度保密教育培训和保密知识测试，做到全覆盖。",
        "四、年中开展督查，年底按评分表进行考核，对上年度考核为“基本符合”和“不符合”的单位跟踪整改。",
      ].join("\n"),
      items: [
        {
          title: "组织各单位负责人签订年度保密工作责任书，督促涉密人员签订保密承诺书",
          unit: "partyOffice",
          dueOn: day(y, 3, 31),
          done: "全院各单位负责人均已签订年度保密工作责任书，新增涉密人员保密承诺书已签订并归档。",
        },
        {
          title: "对照《保密法实施条例》完成学院保密管理制度清理，提出修订意见",
          unit: "presidentOffice",
          dueOn: day(y, 9, 30),
          done: "已完成学院现行保密管理制度清理，提出修订、废止意见并报保密委员会。",
        },
        {
          title: "落实招生录取信息和毕业生就业数据的保密管理",
          unit: "studentAffairs",
          dueOn: day(y, 9, 15),
          done: "招生录取期间工作场所、人员和数据管理措施已落实，录取工作结束后相关数据已按规定处理。",
        },
        {
          title: "完成涉密科研项目保密管理台账核查",
          unit: "researchDept",
          dueOn: day(y, 10, 31),
          done: "已核查在研涉密科研项目保密管理台账，项目组保密措施落实到位。",
        },
        {
          title: "完成涉密人员年度保密教育培训和保密知识测试",
          unit: "hrDept",
          dueOn: day(y, 11, 15),
          done: "已组织涉密人员年度保密教育培训和保密知识测试，参训率、合格率均为100%。",
        },
        {
          title: "开展涉密计算机和存储介质年度保密技术检查",
          unit: "networkCenter",
          dueOn: day(y, 11, 30),
          done: "已完成年度保密技术检查，检查报告已报保密办公室。",
        },
        {
          title: "完成本单位涉密载体年度清查，做到账物相符",
          unit: "electronics",
          dueOn: day(y, 12, 10),
          done: "已完成涉密载体年度清查，台账与实物相符。",
        },
        {
          title: "做好因公出国（境）人员行前保密提醒和回国报告归档",
          unit: "foreignAffairs",
          dueOn: day(y, 12, 15),
          done: "本年度因公出国（境）人员行前保密提醒和回国报告已全部归档。",
        },
        {
          title: "落实期末考试试卷命题、印制、保管、分发全过程保密管理",
          unit: "academicAffairs",
          dueOn: day(y, 12, 20),
          done: "两个学期期末考试试卷保密工作方案均已落实，各环节登记完整。",
        },
      ],
    },
    meetings: [
      {
        title: `${y - 1}—${y}学年第二学期保密委员会例会`,
        heldOn: spring,
        place: PLACE,
        agenda: [
          {
            unit: "secrecyOffice",
            title: `通报${y - 1}年度考核结果、督办事项办理情况和${y}年度保密工作计划`,
            summary: "保密办公室通报上年度考核结果、逾期督办事项和本年度计划安排。",
            by: null,
          },
          {
            unit: "secrecyOffice",
            title: "研究部署学院保密管理制度清理修订工作",
            summary: "对照修订后的《保密法》及其实施条例，清理学院现行保密管理制度。",
            by: null,
          },
          {
            unit: "computerScience",
            title: "涉密科研项目组新进人员保密管理",
            summary: "本学期涉密科研项目组新增人员较多，需补充开展保密培训并签订保密承诺书。",
            by: "demo.zhuren",
          },
          {
            unit: "academicAffairs",
            title: `${y}年教育考试试卷保密工作安排`,
            summary: "本年度各类考试试卷保密管理的分工和措施。",
            by: "demo.weiyuan",
          },
        ],
        minutes: ({ director, present, onLeave }) =>
          [
            `${longDate(spring)}下午，学院保密委员会在${PLACE}召开${y - 1}—${y}学年第二学期例会。会议由保密委员会主任、党委书记${director}主持，应到委员${present + onLeave}人，实到${present}人，${onLeave}人请假；保密办公室负责同志列席会议。现将会议议定事项纪要如下：`,
            `一、会议听取了保密办公室关于${y - 1}年度考核结果、督办事项办理情况和${y}年度保密工作计划的通报。会议对汽车与交通工程学院督办事项逾期未办结提出批评，要求该院主要负责人亲自督促，尽快办结并书面说明原因。`,
            "二、会议研究部署了学院保密管理制度清理修订工作，由院长办公室牵头，各相关职能部门配合，对照修订后的法律法规逐项清理。",
            "三、会议研究了计算机科学学院涉密科研项目组新进人员的保密管理，要求先培训、后上岗，保密承诺书签订后方可接触涉密事项。",
            `四、会议听取了教务处关于${y}年教育考试试卷保密工作的安排，原则同意。`,
            "会议确定的事项由保密办公室督办，各责任单位按期报告办理情况。",
          ].join("\n"),
        decisions: [
          {
            title: "计算机科学学院完成涉密科研项目组新进人员保密培训和保密承诺书签订",
            unit: "computerScience",
            dueOn: day(y, 6, 30),
            done: "项目组5名新进人员已完成保密培训并签订保密承诺书，相关材料已报保密办公室备案。",
          },
          {
            title: "学生处（招生就业办）完成招生录取和就业数据保密管理自查",
            unit: "studentAffairs",
            dueOn: day(y, 7, 10),
            done: "已完成自查，自查报告已报保密办公室，未发现问题。",
          },
          {
            title: "院长办公室牵头完成学院保密管理制度清理，提出修订意见报保密委员会",
            unit: "presidentOffice",
            dueOn: day(y, 9, 30),
            done: "已清理学院保密管理制度12项，提出修订意见5项、废止意见1项，报保密委员会研究。",
          },
          {
            title: "人事处会同保密办公室制定涉密人员年度保密教育培训方案并组织实施",
            unit: "hrDept",
            dueOn: day(y, 11, 15),
            done: "培训方案已实施，涉密人员年度培训和保密知识测试已全部完成。",
          },
        ],
      },
      {
        title: `${y}—${y + 1}学年第一学期保密委员会例会`,
        heldOn: autumn,
        place: PLACE,
        agenda: [
          {
            unit: "secrecyOffice",
            title: `审议${y}年度各单位保密工作考核结果`,
            summary: "保密办公室按评分表对各单位进行了考核，提请委员会审议。",
            by: null,
          },
          {
            unit: "secrecyOffice",
            title: `审议${y}年度保密工作总结`,
            summary: "年度保密工作总结（送审稿）。",
            by: null,
          },
        ],
        minutes: ({ director, present, onLeave }) =>
          [
            `${longDate(autumn)}下午，学院保密委员会在${PLACE}召开${y}—${y + 1}学年第一学期例会。会议由保密委员会主任、党委书记${director}主持，应到委员${present + onLeave}人，实到${present}人，${onLeave}人请假；保密办公室负责同志列席会议。现将会议议定事项纪要如下：`,
            `一、会议审议了${y}年度各单位保密工作考核结果，同意保密办公室提出的考核意见。`,
            `二、会议审议了${y}年度保密工作总结，原则同意，请保密办公室修改后报主任审定，并按规定报送院党委和上级保密委员会。`,
          ].join("\n"),
        decisions: [
          {
            title: `党委办公室做好${y + 1}年度保密工作责任书的签订准备工作`,
            unit: "partyOffice",
            dueOn: day(y + 1, 2, 28),
            done: "签订工作已完成部署。",
          },
        ],
      },
    ],
    supervision: {
      notes: [
        {
          unit: "fineArts",
          on: day(y, 6, random.int(15, 18)),
          text: "经查，你院本年度保密工作要点尚未报送，保密员变动后未及时报保密办公室备案。请于7月15日前补报工作要点并办理保密员备案手续。",
        },
        {
          unit: "electronics",
          on: day(y, 6, random.int(22, 25)),
          text: "经查，你院涉密载体台账登记基本规范，但有2份载体借阅登记缺少归还日期，涉密计算机安全审计日志未按月审查。请于7月31日前完成整改并书面报告。",
        },
      ],
      completedOn: day(y, 7, random.int(6, 10)),
      report: [
        `根据${y}年度保密工作计划，保密委员会办公室于6月上旬至下旬对全院各单位开展年中保密工作督查，重点检查上年度考核扣分事项的整改、保密管理制度清理、涉密载体和涉密计算机管理情况。`,
        "总体看，上年度考核发现的问题大多已整改到位；汽车与交通工程学院信息发布审查制度建设仍未完成，已列为重点督办事项。",
        "针对督查发现的问题，已向美术学院、电子与信息学院发出督查意见，限期整改，整改情况纳入年底考核。",
      ].join("\n"),
    },
    assessment: {
      scoredFrom: day(y, 12, 1),
      approvedOn: addDays(autumn, 4),
      basic: ["fineArts", "automotive", "management"],
      nonconform: [],
      overdueRectification: [],
    },
    summary: { draftedOn: day(y, 12, 8), approvedOn: addDays(autumn, 4) },
    reports: {
      plan: {
        draftedOn: day(y, 3, 9),
        signedOn: day(y, 3, 12),
        submittedOn: [day(y, 3, 13), day(y, 3, 16)],
      },
      summary: {
        draftedOn: addDays(autumn, 5),
        signedOn: addDays(autumn, 8),
        submittedOn: [addDays(autumn, 9), addDays(autumn, 10)],
      },
    },
  };
}

/** 2026年4月16日, as minutes write a date. */
export function longDate(date: string): string {
  const [y = "", m = "", d = ""] = date.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Why a unit lost points, as the office notes it on the score sheet: the item, the points and the note. */
export const DEDUCTION_REASONS: readonly { item: string; points: number; note: string; cleared?: boolean }[] = [
  { item: "org.plan", points: 1, note: "年度保密工作要点逾期报送。" },
  { item: "rules.records", points: 0.5, note: "保密工作档案缺少培训签到记录。" },
  { item: "edu.publicity", points: 1, note: "未对出国（境）人员进行行前保密提醒。" },
  { item: "inspection.self", points: 1, note: "下半年自查报告逾期报送。" },
  { item: "inspection.rectify", points: 2, note: "未建立督查问题整改台账。" },
  { item: "classification.publication", points: 2, note: "抽查发现2条信息未经审查即发布。" },
  { item: "edu.training", points: 1, note: "1名教职工未参加学校保密教育培训。" },
  { item: "org.liaison", points: 2, note: "保密员变动未在一个月内报保密办公室备案。" },
  { item: "rules.adopt", points: 2, note: "本单位保密管理制度未根据2024年修订的《保密法》及其实施条例更新。" },
  { item: "org.agenda", points: 2, note: "全年专题研究保密工作的会议无记录。" },
  { item: "personnel.selfcheck", points: 0.5, note: "1名涉密人员未按期自查。", cleared: true },
  { item: "carriers.register", points: 1, note: "1件涉密载体借阅登记缺少归还日期。", cleared: true },
];

/**
 * Items of the shipped rubric that only apply to a unit with classified work (cleared persons, carriers, classified
 * computers): marked 不适用 for the others, as the rubric's guidance says.
 */
export const CLASSIFIED_WORK_ITEMS: ReadonlySet<string> = new Set([
  "edu.exam",
  "personnel.vetting",
  "personnel.selfcheck",
  "personnel.travel-exit",
  "carriers.register",
  "carriers.storage",
  "carriers.activity",
  "classification.decision",
  "classification.review",
  "network.classified",
  "network.maintenance",
]);
