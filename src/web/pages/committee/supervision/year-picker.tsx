import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Select, Space } from "antd";
import { useTranslation } from "react-i18next";

/** The years offered: a few back for the record, the next one for planning ahead. */
export function yearsAround(current: number, selected: number): number[] {
  const years = new Set<number>([selected]);
  for (let y = current + 1; y >= current - 5; y--) years.add(y);
  return [...years].filter((y) => y >= 2000 && y <= 2100).sort((a, b) => b - a);
}

/** Picks the year the page shows (年度), with a step back and forward. */
export function YearPicker({
  year,
  current,
  onChange,
}: {
  year: number;
  current: number;
  onChange: (year: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space.Compact data-testid="year-picker">
      <Button
        icon={<LeftOutlined />}
        aria-label={t("committee.supervision.year.previous")}
        disabled={year <= 2000}
        onClick={() => onChange(year - 1)}
      />
      <Select<number>
        value={year}
        onChange={onChange}
        aria-label={t("committee.supervision.year.label")}
        className="year-select"
        options={yearsAround(current, year).map((y) => ({
          value: y,
          label: t("committee.supervision.year.option", { year: y }),
        }))}
      />
      <Button
        icon={<RightOutlined />}
        aria-label={t("committee.supervision.year.next")}
        disabled={year >= 2100}
        onClick={() => onChange(year + 1)}
      />
    </Space.Compact>
  );
}
