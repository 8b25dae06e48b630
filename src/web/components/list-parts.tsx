import { DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Select } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api/error-message";
import { useListExport } from "../api/list-export";
import { yearOptions } from "../pages/obligations/filter-options";
import { LoadMore } from "./load-more";
import { saveBlob } from "./save-blob";

/**
 * The parts every register list is made of (会议, 督办事项, 报告请示, 调研课题, …): a grid of filters that apply at once
 * and live in the address, and the list card with its error, its table and "load more".
 */

/** One select of a filter grid, labelled for screen readers and tests (`<form>-<field>`). */
export function FilterSelect<T extends string | number>(props: {
  id: string;
  label: string;
  placeholder: string;
  value: T | undefined;
  options: { value: T; label: string }[];
  onChange: (value: T | undefined) => void;
}) {
  return (
    <Form.Item label={props.label} htmlFor={props.id}>
      <Select<T>
        id={props.id}
        allowClear
        value={props.value}
        placeholder={props.placeholder}
        options={props.options}
        onChange={(value) => props.onChange(value)}
      />
    </Form.Item>
  );
}

/** The year filter: this year and the years around it. */
export function YearFilter(props: {
  id: string;
  label: string;
  placeholder: string;
  value: number | undefined;
  onChange: (year: number | undefined) => void;
}) {
  return <FilterSelect<number> {...props} options={yearOptions()} />;
}

/** The filter grid with its reset button at the end. */
export function FilterGrid({ name, onReset, children }: { name: string; onReset: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" className="filter-grid" name={name}>
      {children}
      <Form.Item label=" " className="filter-buttons">
        <Button onClick={onReset}>{t("common.reset")}</Button>
      </Form.Item>
    </Form>
  );
}

/** What a paged list query gives the card (api/paging.ts usePagedList). */
export interface PagedList {
  items: readonly unknown[];
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The list card: the error if the list failed, the table, and "load more" under it. */
export function ListCard(props: {
  list: PagedList;
  children: ReactNode;
  title?: ReactNode;
  extra?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const { list, children } = props;
  const { t } = useTranslation();
  return (
    <Card title={props.title} extra={props.extra} className={props.className} data-testid={props.testId}>
      {list.isError && <Alert className="list-error" type="error" showIcon title={errorMessage(list.error, t)} />}
      {children}
      <LoadMore
        count={list.items.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </Card>
  );
}

/** A keyword search, applied on Enter or the search button (`q` in the address). */
export function KeywordFilter(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (q: string | undefined) => void;
}) {
  return (
    <Form.Item label={props.label} htmlFor={props.id}>
      <Input.Search
        id={props.id}
        allowClear
        maxLength={100}
        defaultValue={props.value}
        placeholder={props.placeholder}
        onSearch={(q) => props.onChange(q.trim() || undefined)}
      />
    </Form.Item>
  );
}

/** 导出 (.xlsx): the list as filtered, saved by the browser (the export is audited); a failure says why. */
export function ExportButton(props: { path: string; filters: object; fallbackName: string; label?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exporter = useListExport(props.path, props.fallbackName);
  const download = () =>
    exporter.mutate(props.filters as Parameters<typeof exporter.mutate>[0], {
      onSuccess: ({ blob, filename }) => {
        saveBlob(blob, filename);
        void message.success(t("common.exported"));
      },
      onError: (error) => void message.error(t("common.exportFailed", { message: errorMessage(error, t) })),
    });
  return (
    <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={download}>
      {props.label ?? t("common.export")}
    </Button>
  );
}
