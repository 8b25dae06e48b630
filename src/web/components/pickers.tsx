import { Select, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePeopleSearch } from "../api/access";
import { useAccountSearch } from "../api/accounts";

/** Picks an account by part of its username or name. The three administrators cannot hold business roles (三员). */
export function AccountPicker({
  value,
  onChange,
  id,
  allowClear,
  placeholder,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const search = useAccountSearch(q);
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear={allowClear ?? false}
      placeholder={placeholder ?? t("pickers.account")}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      notFoundContent={t("pickers.noAccount")}
      className="full-width"
      options={(search.data?.items ?? []).map((a) => ({
        value: a.id,
        disabled: a.adminRole !== null,
        label: (
          <span>
            {a.displayName}（{a.username}）
            {a.person?.unitName ? <span className="option-note"> · {a.person.unitName}</span> : null}
            {a.adminRole !== null && <Tag className="option-tag">{t("pickers.adminAccount")}</Tag>}
          </span>
        ),
      }))}
    />
  );
}

/** Picks a person by part of the name. */
export function PersonPicker({
  value,
  onChange,
  id,
  allowClear,
  placeholder,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const search = usePeopleSearch(q);
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear={allowClear ?? false}
      placeholder={placeholder ?? t("pickers.person")}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      notFoundContent={t("pickers.noPerson")}
      className="full-width"
      options={(search.data?.items ?? []).map((p) => ({
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
