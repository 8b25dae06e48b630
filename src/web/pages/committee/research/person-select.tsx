import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePeopleSearch } from "../../../api/access";

export interface KnownPerson {
  id: string;
  name: string;
  unitName: string | null;
}

/**
 * Picks a person by part of the name, like PersonPicker, but also knows the people the topic already names, so an
 * edit shows their names before anyone searches.
 */
export function ResearchPersonSelect({
  value,
  onChange,
  id,
  known = [],
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  known?: readonly KnownPerson[];
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const search = usePeopleSearch(q);
  const found = search.data?.items ?? [];
  const people = [...found, ...known.filter((k) => !found.some((p) => p.id === k.id))];
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={t("pickers.person")}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      notFoundContent={t("pickers.noPerson")}
      className="full-width"
      options={people.map((p) => ({
        value: p.id,
        label: (
          <span>
            {p.name}
            {p.unitName ? <span className="option-note"> · {p.unitName}</span> : null}
          </span>
        ),
      }))}
    />
  );
}
