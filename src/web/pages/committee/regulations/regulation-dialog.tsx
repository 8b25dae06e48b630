import { Alert, App, Form, Modal, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormSubmit } from "../../../components/use-form-submit";

/** The server names an uploaded file's parts (`body.file.name`, `body.file.contentBase64`); the form has one field. */
export const FILE_ALIASES = { "body.file.name": "file", "body.file.contentBase64": "file" };

/**
 * Every dialog of the regulations: the title, intro, the no-secrets warning (`warn`), the server's refusal and the
 * vertical form named `name` around `children`. OK validates, `send`s, says `done`, closes, and then hands what was
 * sent back to `onDone`; a refusal lands under the fields it names (`aliases`, see applyFieldErrors) or above the form.
 */
export function RegulationDialog<T, R = unknown>({
  name,
  title,
  ok,
  intro,
  done,
  pending,
  send,
  onDone,
  onClose,
  initialValues,
  aliases,
  warn = false,
  width = 640,
  children,
}: {
  name: string;
  title: string;
  ok: string;
  intro: string;
  done: string;
  pending: boolean;
  send: (values: T) => Promise<R>;
  onDone?: (result: R) => void;
  onClose: () => void;
  initialValues?: Partial<T>;
  aliases?: Record<string, string>;
  warn?: boolean;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<T>();
  const { submit, problem } = useFormSubmit<T>(
    form,
    async (values) => {
      const result = await send(values);
      void message.success(done);
      onClose();
      onDone?.(result);
    },
    aliases,
  );
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={ok}
      confirmLoading={pending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      {warn && <Alert className="form-error" type="warning" showIcon title={t("regulations.noSecrets")} />}
      {problem && <Alert className="form-error" type="error" showIcon title={problem} />}
      <Form<T> form={form} name={name} layout="vertical" requiredMark={false} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
