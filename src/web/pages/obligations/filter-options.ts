import { useTranslation } from "react-i18next";
import { halves, semesterPeriod, windowPeriod, yearPeriod } from "../../../domain/periods";
import { COLLECTIVE_BEARER_NAMES, EVENT_NAMES } from "../../../domain/policy/catalogue";
import { BUSINESS_ROLES, ROLE_NAMES } from "../../../domain/roles";
import { usePolicy } from "../../api/responsibility";
import { localized, todayInBeijing } from "../../components/format";

export interface Option {
  value: string;
  label: string;
}

/** This year in Beijing (the institution's calendar). */
export function currentYear(): number {
  return Number(todayInBeijing().slice(0, 4));
}

/** The years offered by year pickers: a few back for the record, next year for planning. */
export function yearOptions(around = currentYear()): { value: number; label: string }[] {
  const years: number[] = [];
  for (let y = around + 1; y >= around - 4; y -= 1) years.push(y);
  return years.map((y) => ({ value: y, label: String(y) }));
}

/** Who bears duties: the business roles, and the committee and the office as bodies. */
export function useBearerOptions(): Option[] {
  const { i18n } = useTranslation();
  return [
    ...BUSINESS_ROLES.map((role) => ({ value: role, label: localized(ROLE_NAMES[role], i18n.language) })),
    ...Object.entries(COLLECTIVE_BEARER_NAMES).map(([value, name]) => ({
      value,
      label: localized(name, i18n.language),
    })),
  ];
}

/**
 * The calendar periods of a year, by the ids obligations carry: the year, its three windows, its halves, and the two
 * semesters that begin in it (spring of one academic year, autumn of the next).
 */
export function usePeriodOptions(year: number): Option[] {
  const { i18n } = useTranslation();
  const periods = [
    yearPeriod(year),
    windowPeriod(year, "start"),
    windowPeriod(year, "mid"),
    windowPeriod(year, "end"),
    ...halves(year),
    semesterPeriod({ id: `${year - 1}-${year}-2`, startsOn: "", endsOn: "" }),
    semesterPeriod({ id: `${year}-${year + 1}-1`, startsOn: "", endsOn: "" }),
  ];
  return periods.map((p) => ({ value: p.id, label: localized(p.label, i18n.language) }));
}

/** The articles and items of the rules in force (第十二条, 第十二条第（一）项) and their duties, from GET /api/policy. */
export function usePolicyOptions(): { articles: Option[]; duties: (Option & { article: string })[]; loading: boolean } {
  const policy = usePolicy();
  const articles = (policy.data?.articles ?? []).flatMap((a) => [
    { value: a.id, label: a.citation },
    ...a.items.map((item) => ({ value: item.id, label: item.citation })),
  ]);
  const duties = (policy.data?.duties ?? []).map((d) => ({
    value: d.id,
    label: `${d.citation} ${d.title}`,
    article: d.article,
  }));
  return { articles, duties, loading: policy.isPending };
}

/** Whether a duty cited as `art12.1` falls under a chosen article or item (`art12` covers its items). */
export function underArticle(dutyArticle: string, chosen: string | undefined): boolean {
  return chosen === undefined || dutyArticle === chosen || dutyArticle.startsWith(`${chosen}.`);
}

/** The events the platform knows (收到上级保密工作文件和指示时 …), named in the interface language. */
export function useEventOptions(): Option[] {
  const { i18n } = useTranslation();
  return Object.entries(EVENT_NAMES).map(([value, name]) => ({ value, label: localized(name, i18n.language) }));
}
