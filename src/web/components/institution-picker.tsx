import { Form, Select } from "antd";
import { createContext, useContext } from "react";
import { useTranslation } from "react-i18next";
import type { Permission } from "../../domain/permissions";
import { useInstitutions } from "../api/institutions";

/**
 * A provincial authority's account works on many institutions (DESIGN.md §1); a university's staff on one. These
 * pickers appear only when there is a choice: with one institution the server takes it without being told.
 */

/** The institution a page works on, when the account picked one (a page under it sends it with every change). */
export const PickedInstitution = createContext<string | undefined>(undefined);

export function usePickedInstitution(): string | undefined {
  return useContext(PickedInstitution);
}

/** 院校 in a create form (field `institutionId`), required when the account may act on several. */
export function InstitutionField({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  const institutions = useInstitutions(permission);
  const items = institutions.data?.items ?? [];
  if (items.length <= 1) return null;
  return (
    <Form.Item
      name="institutionId"
      label={t("common.institution")}
      rules={[{ required: true, message: t("common.institutionRequired") }]}
    >
      <Select
        showSearch={{ optionFilterProp: "label" }}
        placeholder={t("common.institutionPick")}
        options={items.map((i) => ({ value: i.id, label: i.name }))}
      />
    </Form.Item>
  );
}

/** 院校 in a page's toolbar: the page then shows that institution's records. */
export function InstitutionSelect(props: {
  permission: Permission;
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const institutions = useInstitutions(props.permission);
  const items = institutions.data?.items ?? [];
  if (items.length <= 1) return null;
  return (
    <Select
      className="institution-select"
      aria-label={t("common.institution")}
      showSearch={{ optionFilterProp: "label" }}
      placeholder={t("common.institutionPick")}
      value={props.value}
      onChange={props.onChange}
      options={items.map((i) => ({ value: i.id, label: i.name }))}
      style={{ minWidth: 220 }}
    />
  );
}
