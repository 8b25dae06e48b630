import type { FormInstance } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api/error-message";
import { applyFieldErrors } from "./field-errors";

/**
 * The submit of every form dialog: validate the fields, send, and put the server's refusal where it belongs — under
 * the fields it names, or in one message (`problem`) above the form when it names none. `aliases` maps the server's
 * field names (`body.windows.start.to`) to the form's own where they differ (see applyFieldErrors).
 */
export function useFormSubmit<T>(
  form: FormInstance<T>,
  send: (values: T) => Promise<void>,
  aliases: Record<string, string> = {},
) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already shows the field messages
    }
    setProblem(null);
    try {
      await send(values);
    } catch (error) {
      if (!applyFieldErrors(form, error, aliases)) setProblem(errorMessage(error, t));
    }
  };
  return { submit: () => void submit(), problem, clearProblem: () => setProblem(null) };
}
