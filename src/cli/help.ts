/** The bilingual help text of `baomi --help`. */
export const HELP = `Baomi 保密工作责任制管理平台 — secrecy responsibility platform

用法 / Usage:  baomi <命令 command> [选项 options]

命令 / Commands:
  serve      启动服务（Web 界面与接口），启动时自动迁移数据库
             Start the server (web UI and API); migrates the database first
  migrate    将数据库结构升级到最新版本
             Bring the database schema up to date
  init       在空数据库上创建单位根节点与三员账号，打印一次性密码
             Create the root unit and the three administrators on an empty database;
             prints their one-time passwords once (--json, --institution NAME)
  demo       载入演示数据（广东技术师范学院：约 30 个单位、400 人、各角色演示账号），仅限新安装的空数据库
             Load the demo institution (about 30 units, 400 people, a demo account per role) into a fresh
             installation only; refuses (exit 3) if business data exists (--json)
  policy     校验策略文件（实施细则数据），或按条列出职责目录
             Validate a policy file, or print its duty catalogue by article
             (check FILE | show [--article N] [--file FILE] [--format table|json])
  audit      审计日志：verify 校验哈希链与签名检查点（--against 导出文件 比对异地副本）；export 导出为 JSON Lines（--out、--since）
             Audit log: verify the chain and signed checkpoints (--against FILE compares an off-host copy); export as JSON lines
  obligations 列出某年度的全部履职事项及其状态（--year 年份，--unit 单位，--format table|json）
             List a year's obligations with their status (--year YEAR, --unit UNIT_ID, --format table|json)
  version    显示版本 / Print the version
  help       显示本帮助 / Show this help

配置（环境变量）/ Configuration (environment):
  BAOMI_DATA_DIR      数据目录 / data folder                      默认 default ./data
  BAOMI_DATABASE_URL  数据库 / database (sqlite:FILE | postgres://…)  默认 default sqlite:<数据目录>/baomi.sqlite
  BAOMI_HOST          监听地址 / listen address                   默认 default 127.0.0.1
  BAOMI_PORT          监听端口 / listen port                      默认 default 8080
  BAOMI_LOG_LEVEL     日志级别 / log level (info, warn, debug, …) 默认 default info
  BAOMI_METRICS       开启 /metrics 指标 / Prometheus metrics (on|off) 默认 default off
  BAOMI_TRUST_PROXY   信任反向代理的 X-Forwarded-* / trust X-Forwarded-* from a proxy (on|off) 默认 default off
  BAOMI_SESSION_IDLE_MINUTES / BAOMI_SESSION_ABSOLUTE_HOURS  会话空闲/绝对超时 / session timeouts 默认 default 30 / 12
  BAOMI_AUDIT_KEY_FILE            审计检查点签名私钥 / checkpoint signing key 默认 default <数据目录>/keys/audit-ed25519.pem
  BAOMI_AUDIT_CHECKPOINT_EVERY    每多少条审计记录签一个检查点 / entries per checkpoint 默认 default 1000
  BAOMI_AUDIT_CHECKPOINT_MINUTES  或每隔多少分钟 / or minutes per checkpoint 默认 default 60
  BAOMI_SMTP_URL / BAOMI_MAIL_FROM  提醒邮件的 SMTP 服务器与发件地址 / SMTP server and sender for reminders 默认 default 不发邮件 none
  BAOMI_PUBLIC_URL  平台访问地址，用于邮件与 Webhook 中的链接 / the platform's address, for links in reminders

也可通过 npm 运行 / Also through npm:  npm run baomi -- <命令 command>
`;
