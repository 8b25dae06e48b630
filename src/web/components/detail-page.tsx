import { ArrowLeftOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { Alert, Button, Result, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError } from "../api/api-error";
import { errorMessage } from "../api/error-message";

/** Where the not-found page's back button goes: a path, or -1 for the page before. */
export interface DetailBack {
  to: string | -1;
  label: string;
}

/**
 * The frame of a page that shows one record: a skeleton while `query` loads, a 404 result (`notFound`, `notFoundHint`
 * and a button `back`) when the server has no such record or will not show it, the error otherwise, and else
 * `children` with the record.
 */
export function DetailPage<T>({
  query,
  notFound,
  notFoundHint,
  back,
  children,
}: {
  query: UseQueryResult<T>;
  notFound: string;
  notFoundHint: string;
  back: DetailBack;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Skeleton active />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return missing ? (
      <Result status="404" title={notFound} subTitle={notFoundHint} extra={<BackButton back={back} />} />
    ) : (
      <Alert className="list-error" type="error" showIcon title={errorMessage(query.error, t)} />
    );
  }
  return children(query.data);
}

function BackButton({ back }: { back: DetailBack }) {
  const navigate = useNavigate();
  const go = () => (back.to === -1 ? navigate(-1) : navigate(back.to));
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void go()}>
      {back.label}
    </Button>
  );
}
