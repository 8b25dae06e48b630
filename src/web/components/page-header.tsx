import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { usePageTitle } from "./page-title";

export interface PageHeaderProps {
  title: string;
  /** What the page is for, in a sentence. */
  intro: string;
  /** Where its rules come from: "依据：《实施细则》第十二条第（三）项". */
  basis: string;
  /** Beside the title: the page's own actions or pickers. */
  extra?: ReactNode;
}

/** A list page's head: its title (also the window's), what it is for, and the articles it serves. */
export function PageHeader({ title, intro, basis, extra }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <div className="page-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div className="page-header-text">
          <Typography.Title level={3} className="page-title">
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="page-intro">
            {intro}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" className="page-basis">
            {basis}
          </Typography.Paragraph>
        </div>
        {extra}
      </Flex>
    </div>
  );
}
