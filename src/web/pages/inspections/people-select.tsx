import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePeopleSearch } from "../../api/access";

/** Picks several people by part of the name (an inspection team). */
export function PeopleSelect({
  value,
  onChange,
  id,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [known, setKnown] = useState<{ value: string; label: string }[]>([]);
  const search = usePeopleSearch(q);
  const found = (search.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.unitName ? `${p.name} · ${p.unitName}` : p.name,
  }));
  const options = [...found, ...known.filter((k) => !found.some((f) => f.value === k.value))];
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => {
        setKnown(options.filter((o) => v.includes(o.value)));
        onChange?.(v);
      }}
      placeholder={t("pickers.person")}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      notFoundContent={t("pickers.noPerson")}
      className="full-width"
      options={options}
    />
  );
}
