// Chinese is the source language: every key starts here, and en-US must mirror this shape (see messages.ts).
const RULES = "《保密工作责任制实施细则》（广师保密〔2012〕14号）";

export const zhCN = {
  app: {
    name: "保密工作责任制管理平台",
    shortName: "保密",
  },
  header: {
    login: "登录",
    language: "界面语言",
  },
  language: {
    zhCN: "中文",
    enUS: "English",
  },
  nav: {
    home: "工作台",
    org: "组织与职责",
    committee: "委员会工作",
    supervision: "督查考核",
    inspections: "检查整改",
    personnel: "涉密人员",
    classification: "定密与载体",
    incidents: "事件与问责",
    reports: "统计报表",
    admin: "系统管理",
  },
  placeholder: {
    title: "本模块尚未启用",
    basis: "依据：{{rules}}{{citation}}",
    rules: RULES,
  },
  modules: {
    org: {
      description:
        "将登记学院单位架构、各级领导和单位负责人的任职与分管范围以及保密委员会的组成，据此明确每一项保密责任由谁承担。",
      citation: "第三条至第八条",
    },
    committee: {
      description:
        "将支撑保密委员会例会、督查、调研、报告四项工作制度，涵盖议题征集、会议材料准备、会议纪要审定签发以及年度计划和总结的报送。",
      citation: "第十二条",
    },
    supervision: {
      description: "将记录年初制定的年度保密工作计划、年中的检查督促和年底的考核总结，督办事项逐项跟踪直至办结。",
      citation: "第十二条第（二）项",
    },
    inspections: {
      description:
        "将安排委员每半年一次对分管范围的保密检查，以及保密办公室对涉密单位和保密要害部门、部位的定期检查，登记发现的问题并跟踪整改。",
      citation: "第十一条第（四）项、第十三条第（六）项",
    },
    personnel: {
      description: "将登记涉密人员及其涉密等级（核心、重要、一般），跟踪本职岗位保密职责的落实和定期保密自查。",
      citation: "第七条",
    },
    classification: {
      description:
        "将管理定密事项和涉密载体台账，并按分管范围报委员审批。平台只记录事项的存在、密级、保密期限和流转情况，不存储任何涉密内容。",
      citation: "第十一条第（四）项",
    },
    incidents: {
      description:
        "将登记违规行为和泄密事件的查处情况，支撑保密委员会审查并作出处理意见，按事发时的责任人依纪依法追究责任。",
      citation: "第九条第（四）项、第十五条",
    },
    reports: {
      description: "将汇总各单位保密工作的落实情况、到期和逾期事项以及检查整改进度，生成统计图表和报表。",
      citation: "第十三条第（二）项",
    },
    admin: {
      description:
        "将按“三员”分立管理：系统管理员负责账号、配置和备份，安全保密管理员负责授权和安全设置，安全审计员负责审查全部审计记录，三员互不兼任。",
      citation: "",
    },
  },
  home: {
    welcomeTitle: "欢迎使用保密工作责任制管理平台",
    welcomeBody:
      "平台按照“业务谁主管、保密谁负责”和“分级管理、分层负责”的原则，记录每一项保密责任由谁承担、应在何时完成、是否已经完成以及有何依据。",
    welcomeNotice: "本平台只处理保密管理数据，严禁录入、存储或处理任何国家秘密信息。",
    welcomeHint: "请从左侧菜单进入各功能模块。",
  },
  status: {
    title: "系统状态",
    version: "版本",
    database: "数据库",
    status: "状态",
    serverTime: "服务器时间",
    ready: "就绪",
    notReady: "未就绪",
    checking: "正在检查…",
    unreachable: "无法连接服务器",
    refresh: "刷新",
    sqlite: "SQLite（内嵌）",
    postgres: "PostgreSQL",
  },
  login: {
    title: "登录",
    username: "用户名",
    password: "密码",
    usernameRequired: "请输入用户名",
    passwordRequired: "请输入密码",
    submit: "登录",
    failed: "登录失败",
    notice: "本平台仅用于保密管理工作，严禁录入、存储或处理国家秘密信息。",
    backHome: "返回工作台",
  },
  notFound: {
    title: "404",
    subtitle: "您访问的页面不存在。",
    backHome: "返回工作台",
  },
  errors: {
    network: "无法连接服务器，请检查网络后重试。",
    unexpected: "服务器返回了无法识别的响应，请稍后重试。",
  },
};
