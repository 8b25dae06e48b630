import { DatePicker, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { calendarDate, type PickedDate } from "./dates";
import { todayInBeijing } from "./format";

/**
 * "截至日期": the date a responsibility view answers for. Empty means today (in Beijing); clearing it goes back to
 * today. The value is the picker's own, the page reads it as YYYY-MM-DD through `asOf`.
 */
export function AsOfDate({
  value,
  onChange,
  label,
}: {
  value: PickedDate | null;
  onChange: (value: PickedDate | null) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const text = label ?? t("asOf.label");
  return (
    <Space size={8} className="as-of">
      <Typography.Text>{text}</Typography.Text>
      <DatePicker
        value={value}
        onChange={(picked: PickedDate | null) => onChange(picked)}
        placeholder={t("asOf.today", { date: todayInBeijing() })}
        aria-label={text}
        className="as-of-picker"
      />
    </Space>
  );
}

/** The date a view asks the server for: the picked one, or undefined for the server's today. */
export function asOf(value: PickedDate | null): string | undefined {
  return calendarDate(value) ?? undefined;
}
