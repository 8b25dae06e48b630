import { DownloadOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Space, Steps, Table, Typography, Upload } from "antd";
import type { UploadFile } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-error";
import { errorMessage } from "../../api/error-message";
import { type ImportErrorView, type ImportResult, useImportOrg, useImportTemplate } from "../../api/org";
import { localized } from "../../components/format";
import { saveBlob } from "../../components/save-blob";
import { OrgPageHeader } from "./org-page-header";

// The server refuses larger bodies anyway; saying so before the upload saves the wait.
const MAX_BYTES = 10 * 1024 * 1024;

/** One refused row as the table shows it: where, and what is wrong in the interface language. */
interface RowError {
  key: string;
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/**
 * The row-level errors of a refused import (`details.errors`: sheet, row, column letter, column header, and a
 * bilingual message), when the server sent them; read defensively, since they arrive as untyped details.
 */
function rowErrorsOf(error: unknown, language: string): RowError[] | null {
  if (!(error instanceof ApiError)) return null;
  const errors = error.details.errors;
  if (!Array.isArray(errors)) return null;
  return errors.flatMap((e: unknown, index) => {
    if (typeof e !== "object" || e === null) return [];
    const { sheet, row, column, field, message } = e as Partial<Record<keyof ImportErrorView, unknown>>;
    const text =
      typeof message === "string"
        ? message
        : typeof message === "object" && message !== null
          ? localized(message as ImportErrorView["message"], language)
          : "";
    const where = [column, field].filter((part): part is string => typeof part === "string" && part !== "");
    return [
      {
        key: String(index),
        sheet: typeof sheet === "string" ? sheet : "",
        row: typeof row === "number" ? row : 0,
        column: where.join(" · "),
        message: text,
      },
    ];
  });
}

/**
 * 导入: units, people and appointments from one workbook filled in from the template. All or nothing: a workbook with
 * any bad row imports nothing, and every bad row is listed with its sheet, row and column.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const template = useImportTemplate();
  const upload = useImportOrg();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<{ message: string; rows: RowError[] | null } | null>(null);

  const download = () =>
    template.mutate(undefined, {
      onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  const send = () => {
    const raw = file?.originFileObj;
    if (!raw) return;
    setResult(null);
    setFailure(null);
    upload.mutate(raw, {
      onSuccess: (counts) => {
        setResult(counts);
        setFile(null);
      },
      onError: (error) => setFailure({ message: errorMessage(error, t), rows: rowErrorsOf(error, i18n.language) }),
    });
  };

  return (
    <>
      <OrgPageHeader page="import" />
      <Card className="stack-card">
        <Steps
          orientation="vertical"
          current={result ? 3 : file ? 2 : 0}
          items={[
            {
              title: t("org.import.stepTemplate"),
              content: (
                <Space orientation="vertical">
                  <Typography.Text type="secondary">{t("org.import.templateHint")}</Typography.Text>
                  <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={download}>
                    {t("org.import.template")}
                  </Button>
                </Space>
              ),
            },
            {
              title: t("org.import.stepFill"),
              content: <Typography.Text type="secondary">{t("org.import.fillHint")}</Typography.Text>,
            },
            {
              title: t("org.import.stepUpload"),
              content: (
                <div className="import-upload">
                  <Upload.Dragger
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    maxCount={1}
                    fileList={file ? [file] : []}
                    beforeUpload={(picked) => {
                      if (picked.size > MAX_BYTES) {
                        void message.error(t("org.import.tooLarge"));
                        return Upload.LIST_IGNORE;
                      }
                      // Nothing is sent until the user presses 导入; the bytes go out as they are.
                      return false;
                    }}
                    onChange={({ fileList }) => {
                      setFile(fileList.at(-1) ?? null);
                      setFailure(null);
                    }}
                    onRemove={() => setFile(null)}
                  >
                    <p className="ant-upload-drag-icon">
                      <InboxOutlined />
                    </p>
                    <p className="ant-upload-text">{t("org.import.drop")}</p>
                    <p className="ant-upload-hint">{t("org.import.dropHint")}</p>
                  </Upload.Dragger>
                  <Button
                    type="primary"
                    icon={<UploadOutlined />}
                    disabled={!file}
                    loading={upload.isPending}
                    onClick={send}
                    className="import-submit"
                  >
                    {t("org.import.submit")}
                  </Button>
                </div>
              ),
            },
          ]}
        />
      </Card>
      {result && (
        <Card className="stack-card" data-testid="import-result">
          <Alert className="list-error" type="success" showIcon title={t("org.import.done")} />
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: "units", label: t("org.import.units"), children: result.units },
              { key: "people", label: t("org.import.people"), children: result.people },
              { key: "appointments", label: t("org.import.appointments"), children: result.appointments },
            ]}
          />
        </Card>
      )}
      {failure && (
        <Card className="stack-card" data-testid="import-errors">
          <Alert
            className="list-error"
            type="error"
            showIcon
            title={failure.message}
            description={failure.rows ? t("org.import.nothingImported", { count: failure.rows.length }) : undefined}
          />
          {failure.rows && failure.rows.length > 0 && (
            <Table<RowError>
              rowKey="key"
              size="small"
              dataSource={failure.rows}
              pagination={failure.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              columns={[
                { key: "sheet", title: t("org.import.sheet"), dataIndex: "sheet" },
                {
                  key: "row",
                  title: t("org.import.row"),
                  width: 90,
                  render: (_, e) => (e.row > 0 ? e.row : "—"),
                },
                { key: "column", title: t("org.import.field"), render: (_, e) => e.column || "—" },
                { key: "message", title: t("org.import.message"), dataIndex: "message" },
              ]}
            />
          )}
        </Card>
      )}
    </>
  );
}
