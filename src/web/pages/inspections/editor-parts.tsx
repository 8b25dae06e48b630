import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Col,
  type ColProps,
  Drawer,
  type DrawerProps,
  Form,
  type FormInstance,
  Input,
  Space,
  Typography,
} from "antd";
import type { CSSProperties, ReactNode } from "react";
import { ApiError } from "../../api/api-error";

/**
 * What the checklist editor and the rubric editor share: the drawer they sit in, the buttons that add, move and remove
 * the entries of a list, the Chinese and English inputs of a text, and the server's checks shown under the fields they
 * name.
 */

/** Numbers fill their column, as the other inputs do. */
export const FULL_WIDTH = { width: "100%" } as const;

/** A server issue: `field` like `body.rubric.bands.1.min`, and its message. */
export interface Issue {
  field: string;
  message: string;
}

/** The issues a failed save carries, when it is the server's validation answer. */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details.issues)) return [];
  return (error.details.issues as unknown[]).flatMap((issue) => {
    if (typeof issue !== "object" || issue === null) return [];
    const { field, message } = issue as { field?: unknown; message?: unknown };
    return typeof field === "string" && typeof message === "string" ? [{ field, message }] : [];
  });
}

/** `sections.0.items.2.points` → ["sections", 0, "items", 2, "points"]: the form field a dotted path names. */
export function pathOf(dotted: string): (string | number)[] {
  return dotted.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows each issue under the form field `nameOf` finds for it (null: the form has no such field) and returns the
 * names it was shown under, in the server's order.
 */
export function placeIssues(
  form: FormInstance,
  issues: readonly Issue[],
  nameOf: (field: string) => (string | number)[] | null,
): (string | number)[][] {
  const placed = issues.flatMap((issue) => {
    const name = nameOf(issue.field);
    return name ? [{ name, errors: [issue.message] }] : [];
  });
  form.setFields(placed);
  return placed.map(({ name }) => name);
}

/** Why a save failed, above the form: the issues it could not show under a field listed by their path. */
export function ProblemAlert({
  title,
  unplaced,
  testId,
}: {
  title: string;
  unplaced?: readonly Issue[];
  testId?: string;
}) {
  return (
    <Alert
      type="error"
      showIcon
      className="panel-block"
      data-testid={testId}
      title={title}
      description={
        unplaced && unplaced.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {unplaced.map((issue) => (
              <li key={`${issue.field}:${issue.message}`}>
                <Typography.Text code>{issue.field.replace(/^body\.(rubric\.)?/, "")}</Typography.Text> {issue.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** The drawer an editor sits in: cancel, and save as the next version. */
export function EditorDrawer({
  title,
  size,
  className,
  cancelLabel,
  saveLabel,
  saving,
  onSave,
  onClose,
  children,
}: {
  title: string;
  size: DrawerProps["size"];
  className: string;
  cancelLabel: string;
  saveLabel: string;
  saving: boolean;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Drawer
      open
      title={title}
      size={size}
      className={className}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{cancelLabel}</Button>
          <Button type="primary" loading={saving} onClick={onSave}>
            {saveLabel}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}

/** Removes one entry of a list. */
export function RemoveButton({ label, size, onClick }: { label: string; size?: "small"; onClick: () => void }) {
  return <Button type="text" size={size} danger icon={<DeleteOutlined />} aria-label={label} onClick={onClick} />;
}

/** Moves an entry of a list up or down, and removes it while it is not the last one left. */
export function MoveRemoveButtons({
  index,
  count,
  labels,
  size,
  move,
  remove,
}: {
  index: number;
  count: number;
  labels: { up: string; down: string; remove: string };
  size?: "small";
  move: (from: number, to: number) => void;
  remove: () => void;
}) {
  return (
    <Space size={0}>
      <Button
        type="text"
        size={size}
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        aria-label={labels.up}
        onClick={() => move(index, index - 1)}
      />
      <Button
        type="text"
        size={size}
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        aria-label={labels.down}
        onClick={() => move(index, index + 1)}
      />
      {count > 1 && <RemoveButton label={labels.remove} size={size} onClick={remove} />}
    </Space>
  );
}

/** Adds an entry to a list: a dashed bar across the list (`bar`), or a plain button below it. */
export function AddButton({
  bar,
  style,
  onClick,
  children,
}: {
  bar?: boolean;
  style?: CSSProperties;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button type={bar ? "dashed" : undefined} block={bar} icon={<PlusOutlined />} style={style} onClick={onClick}>
      {children}
    </Button>
  );
}

const HALF: ColProps = { xs: 24, sm: 12 };

/**
 * A text's Chinese and its English, side by side in a form row: the Chinese required where `required`, the English
 * never (the Chinese stands in). One line each, or text areas growing to `maxRows` lines.
 */
export function BilingualInputs({
  name,
  zhLabel,
  enLabel,
  required,
  zhCol = HALF,
  enCol = HALF,
  maxRows,
}: {
  name: (string | number)[];
  zhLabel: string;
  enLabel: string;
  required?: boolean;
  zhCol?: ColProps;
  enCol?: ColProps;
  maxRows?: number;
}) {
  const input = () => (maxRows ? <Input.TextArea autoSize={{ minRows: 1, maxRows }} /> : <Input />);
  return (
    <>
      <Col {...zhCol}>
        <Form.Item name={[...name, "zh"]} label={zhLabel} rules={required ? [{ required: true }] : undefined}>
          {input()}
        </Form.Item>
      </Col>
      <Col {...enCol}>
        <Form.Item name={[...name, "en"]} label={enLabel}>
          {input()}
        </Form.Item>
      </Col>
    </>
  );
}
