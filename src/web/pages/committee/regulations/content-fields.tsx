import { UploadOutlined } from "@ant-design/icons";
import { Button, Form, Input, Radio, Space, Typography, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { readAsBase64 } from "../../../pages/obligations/read-file";

/** What the server takes for an attached file (the meeting materials' kinds and limit). */
const FILE_TYPES = ".docx,.xlsx,.pptx,.pdf,.txt,.png,.jpg,.jpeg";

export interface ContentValues {
  contentKind: "text" | "file";
  text?: string;
  file?: File;
}

/** The regulation's content: its text typed in, or a file; `optional` keeps the draft's content when left empty. */
export function ContentFields({ optional = false, rows = 10 }: { optional?: boolean; rows?: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ContentValues>();
  const kind = Form.useWatch("contentKind", form);
  return (
    <>
      <Form.Item name="contentKind" label={t("regulations.create.contentKind")}>
        <Radio.Group
          optionType="button"
          options={[
            { value: "text", label: t("regulations.create.text") },
            { value: "file", label: t("regulations.create.upload") },
          ]}
        />
      </Form.Item>
      {kind === "file" ? (
        <Form.Item
          name="file"
          label={t("regulations.create.file")}
          extra={t("regulations.create.fileHint")}
          rules={optional ? [] : [{ required: true, message: t("regulations.create.fileRequired") }]}
        >
          <FilePick />
        </Form.Item>
      ) : (
        <Form.Item
          name="text"
          label={t("regulations.create.content")}
          extra={optional ? t("regulations.edit.keepContent") : undefined}
          rules={[
            ...(optional ? [] : [{ required: true, whitespace: true, message: t("regulations.create.textRequired") }]),
            { min: 10, message: t("regulations.create.textRequired") },
          ]}
        >
          <Input.TextArea rows={rows} maxLength={100_000} />
        </Form.Item>
      )}
    </>
  );
}

/** The request's `text` or `file` from the form's values (nothing when neither was given). */
export async function contentOf(values: ContentValues): Promise<{
  text?: string;
  file?: { name: string; type: string; contentBase64: string };
}> {
  if (values.contentKind === "file" && values.file)
    return {
      file: {
        name: values.file.name,
        type: values.file.type || "application/octet-stream",
        contentBase64: await readAsBase64(values.file),
      },
    };
  const text = values.text?.trim();
  return values.contentKind === "text" && text ? { text } : {};
}

/** A file picked for upload, held in the form (sent as base64 in JSON on submit). */
function FilePick({ value, onChange }: { value?: File; onChange?: (file: File) => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Upload
        accept={FILE_TYPES}
        showUploadList={false}
        beforeUpload={(picked) => {
          onChange?.(picked);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t("regulations.create.pickFile")}</Button>
      </Upload>
      {value && <Typography.Text>{value.name}</Typography.Text>}
    </Space>
  );
}
