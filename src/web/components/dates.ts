import type { DatePickerProps } from "antd";

/** The value a single antd DatePicker hands back (a Dayjs), named through antd's own types. */
export type PickedDate = Exclude<NonNullable<DatePickerProps["value"]>, unknown[]>;

/** A picked calendar date as YYYY-MM-DD, the API's date format. */
export function calendarDate(value: PickedDate | null | undefined): string | null {
  return value ? value.format("YYYY-MM-DD") : null;
}

/**
 * A picked date-time, read as Beijing time, as an ISO 8601 instant with offset: what the user means by "from 9:00" is
 * 9:00 in Beijing wherever their browser thinks it is.
 */
export function beijingInstant(value: PickedDate | null | undefined): string | undefined {
  return value ? `${value.format("YYYY-MM-DDTHH:mm:ss")}+08:00` : undefined;
}
