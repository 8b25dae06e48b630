import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePeopleSearch } from "../../api/access";

/** Adds a person attending without a seat (列席): searched by name, handed back with the name for the table. */
export function AttendeePicker({
  exclude,
  onPick,
}: {
  exclude: readonly string[];
  onPick: (personId: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const search = usePeopleSearch(q);
  const people = (search.data?.items ?? []).filter((p) => !exclude.includes(p.id));
  return (
    <Select<string>
      className="filter-select-wide"
      value={null}
      placeholder={t("pickers.person")}
      aria-label={t("committee.attendance.addGuest")}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      notFoundContent={t("pickers.noPerson")}
      options={people.map((p) => ({
        value: p.id,
        label: p.unitName ? `${p.name} · ${p.unitName}` : p.name,
      }))}
      onChange={(id) => {
        const person = people.find((p) => p.id === id);
        if (person) onPick(person.id, person.name);
      }}
    />
  );
}
