import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the browser tab title to "<page> · <product>", following the interface language. */
export function usePageTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const product = t("app.name");
  useEffect(() => {
    document.title = page === undefined ? product : `${page} · ${product}`;
  }, [page, product]);
}
