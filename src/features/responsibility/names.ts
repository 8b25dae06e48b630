/** Display names for what a responsibility rests on: a position of the policy, or a portfolio area. */
import { type Policy } from "../../domain/policy/schema.js";
import { type Holder } from "../../domain/responsibility.js";

const AREA_NAMES: Record<string, string> = {
  business: "分管业务",
  secrecy: "分管保密工作",
  security: "分管保卫工作",
};

/** The Chinese name of a basis: a position code (`UNIT_HEAD`), a portfolio area, or `POSITION:area`. */
export function basisName(policy: Policy, basis: string): string {
  const [code = "", area] = basis.split(":");
  const position = policy.positions.find((p) => p.code === code)?.name.zh;
  if (position) return area ? `${position}（${AREA_NAMES[area] ?? area}）` : position;
  return AREA_NAMES[basis] ?? basis;
}

export function presentHolder(policy: Policy, holder: Holder) {
  return { ...holder, basisName: basisName(policy, holder.basis) };
}

/** The text of an article or item, for showing a duty beside the words it comes from. */
export function provisionText(policy: Policy, ref: string): string {
  const articleId = ref.split(".")[0] ?? ref;
  const article = policy.articles.find((a) => a.id === articleId);
  if (!article) return "";
  if (ref === articleId) return article.text;
  return article.items.find((i) => i.id === ref)?.text ?? article.text;
}
