import { SearchOutlined } from "@ant-design/icons";
import { Button, DatePicker, Form, Select, Space } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { ObligationFilters, ObligationStatus } from "../../api/obligations";
import { calendarDate, type PickedDate } from "../../components/dates";
import {
  currentYear,
  underArticle,
  useBearerOptions,
  usePeriodOptions,
  usePolicyOptions,
  yearOptions,
} from "./filter-options";
import { OBLIGATION_STATUSES, useStatusName } from "./status";
import { UnitFilterSelect } from "./unit-filter-select";

interface FilterForm {
  year?: number;
  article?: string;
  dutyId?: string;
  bearerRole?: string;
  unitId?: string;
  status?: ObligationStatus;
  periodId?: string;
  due?: [PickedDate | null, PickedDate | null] | null;
}

function toForm(filters: ObligationFilters): FilterForm {
  const { year, article, dutyId, bearerRole, unitId, status, periodId, dueFrom, dueTo } = filters;
  return {
    year,
    article,
    dutyId,
    bearerRole,
    unitId,
    status,
    periodId,
    due: dueFrom || dueTo ? [dueFrom ? dayjs(dueFrom) : null, dueTo ? dayjs(dueTo) : null] : null,
  };
}

function toFilters(values: FilterForm, mine: boolean): ObligationFilters {
  return {
    year: values.year,
    article: values.article,
    dutyId: values.dutyId,
    bearerRole: mine ? undefined : values.bearerRole,
    unitId: mine ? undefined : values.unitId,
    status: values.status,
    periodId: values.periodId,
    dueFrom: calendarDate(values.due?.[0]) ?? undefined,
    dueTo: calendarDate(values.due?.[1]) ?? undefined,
    // A person's filter arrives only from a dashboard figure (a leader's bar); it stays until reset.
    mine: mine ? "true" : undefined,
  };
}

/**
 * The list's filters. The address holds them (the caller remounts this form when it changes), so a dashboard figure
 * opens the list already filtered and a filtered list can be bookmarked.
 */
export function ObligationFilterForm({
  filters,
  onApply,
}: {
  filters: ObligationFilters;
  onApply: (filters: ObligationFilters) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const mine = filters.mine === "true";
  const year = Form.useWatch("year", form) ?? filters.year ?? currentYear();
  const article = Form.useWatch("article", form) ?? filters.article;
  const bearers = useBearerOptions();
  const periods = usePeriodOptions(year);
  const policy = usePolicyOptions();
  const statusName = useStatusName();
  const search = { optionFilterProp: "label" } as const;

  return (
    <Form<FilterForm>
      form={form}
      // Field ids are prefixed with the form's name: a dialog on the same page has fields of the same names.
      name="obligation-filters"
      layout="vertical"
      className="filter-grid"
      initialValues={toForm(filters)}
      onFinish={(values) => onApply({ ...toFilters(values, mine), personId: filters.personId })}
    >
      <Form.Item name="year" label={t("obligations.filters.year")}>
        <Select<number> allowClear placeholder={t("obligations.filters.allYears")} options={yearOptions()} />
      </Form.Item>
      <Form.Item name="status" label={t("obligations.filters.status")}>
        <Select<ObligationStatus>
          allowClear
          placeholder={t("obligations.filters.allStatuses")}
          options={OBLIGATION_STATUSES.map((s) => ({ value: s, label: statusName(s) }))}
        />
      </Form.Item>
      <Form.Item name="article" label={t("obligations.filters.article")}>
        <Select<string>
          allowClear
          showSearch={search}
          loading={policy.loading}
          placeholder={t("obligations.filters.allArticles")}
          options={policy.articles}
          onChange={() => form.setFieldValue("dutyId", undefined)}
        />
      </Form.Item>
      <Form.Item name="dutyId" label={t("obligations.filters.duty")}>
        <Select<string>
          allowClear
          showSearch={search}
          loading={policy.loading}
          placeholder={t("obligations.filters.allDuties")}
          options={policy.duties.filter((d) => underArticle(d.article, article))}
          popupMatchSelectWidth={420}
        />
      </Form.Item>
      {!mine && (
        <Form.Item name="bearerRole" label={t("obligations.filters.bearerRole")}>
          <Select<string>
            allowClear
            showSearch={search}
            placeholder={t("obligations.filters.allBearers")}
            options={bearers}
          />
        </Form.Item>
      )}
      {!mine && (
        <Form.Item name="unitId" label={t("obligations.filters.unit")}>
          <UnitFilterSelect />
        </Form.Item>
      )}
      <Form.Item name="periodId" label={t("obligations.filters.period")}>
        <Select<string>
          allowClear
          showSearch={search}
          placeholder={t("obligations.filters.allPeriods")}
          options={periods}
        />
      </Form.Item>
      <Form.Item name="due" label={t("obligations.filters.due")} className="filter-range">
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t("obligations.filters.dueFrom"), t("obligations.filters.dueTo")]}
          className="full-width"
        />
      </Form.Item>
      <Form.Item label=" " className="filter-buttons">
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t("obligations.filters.search")}
          </Button>
          <Button onClick={() => onApply(mine ? { mine: "true" } : {})}>{t("common.reset")}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
