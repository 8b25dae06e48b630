import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { queryClient } from "./query-client";

// Deep blue, not red: antd draws errors and validation in red, and a red primary would make them look like focus.
const PRIMARY = "#1e4fa3";

// Fonts a Chinese office machine actually has, before antd's Latin-first stack; no web fonts (CSP, offline networks).
const FONT_FAMILY = [
  "-apple-system",
  "BlinkMacSystemFont",
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  '"Helvetica Neue"',
  "Arial",
  "sans-serif",
].join(", ");

/** Query cache, antd theme and locale; the antd locale follows the i18next language. */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={i18n.language === "en-US" ? enUS : zhCN}
        theme={{ token: { colorPrimary: PRIMARY, fontFamily: FONT_FAMILY, borderRadius: 6 } }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
