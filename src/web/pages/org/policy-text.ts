import { useCallback } from "react";
import { usePolicy } from "../../api/responsibility";

/**
 * The words of an article or item of the rules in force (`art6`, `art12.1`), for a citation to open; empty until the
 * rules have loaded. An article reads as its lead text followed by its items.
 */
export function useArticleText(): (ref: string) => string {
  const policy = usePolicy();
  return useCallback(
    (ref: string) => {
      const [articleId = ref] = ref.split(".");
      const article = policy.data?.articles.find((a) => a.id === articleId);
      if (!article) return "";
      if (ref !== articleId) return article.items.find((i) => i.id === ref)?.text ?? article.text;
      return [article.text, ...article.items.map((i) => `${itemLabel(i.citation, article.citation)}${i.text}`)].join(
        "\n",
      );
    },
    [policy.data],
  );
}

/** An item's own label inside its article: 第六条第（一）项 → （一）. */
export function itemLabel(itemCitation: string, articleCitation: string): string {
  return itemCitation.replace(articleCitation, "").replace(/^第/, "").replace(/项$/, "");
}
