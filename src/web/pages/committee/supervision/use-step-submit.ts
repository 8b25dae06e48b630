import type { FormInstance } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/api-error";
import { errorMessage } from "../../../api/error-message";
import { type FieldPath, pathOf, placeIssues } from "./issues";

/**
 * The submit of a step's form: validate, send, and put the server's refusal where it belongs — under the fields it
 * names (nested ones too: `body.items.1.dueOn`), or in one message above the form (a 409 naming the approved record).
 */
export function useStepSubmit<T>(
  form: FormInstance<T>,
  send: (values: T) => Promise<void>,
  nameOf: (field: string) => FieldPath | null = pathOf,
) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const submit = async (): Promise<void> => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already shows the field messages
    }
    setProblem(null);
    setStale(false);
    try {
      await send(values);
    } catch (error) {
      if (placeIssues(form as FormInstance, error, nameOf)) return;
      setProblem(errorMessage(error, t));
      setStale(error instanceof ApiError && error.status === 409);
    }
  };
  return { submit: () => void submit(), problem, stale };
}
