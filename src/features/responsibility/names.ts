/** Display names for what a responsibility rests on: a position of the policy, or a portfolio area. */
import { type Localized } from "../../domain/errors.js";
import { inLocale, type Locale } from "../../domain/locale.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type Holder } from "../../domain/responsibility.js";

const AREA_NAMES: Record<string, Localized> = {
  business: { zh: "分管业务", en: "business portfolio" },
  secrecy: { zh: "分管保密工作", en: "in charge of secrecy work" },
  security: { zh: "分管保卫工作", en: "in charge of security" },
};

/** The name of a basis: a position code (`UNIT_HEAD`), a portfolio area, or `POSITION:area`; others pass through. */
export function basisName(policy: Policy, basis: string, locale: Locale = "zh-CN"): string {
  const [code = "", area] = basis.split(":");
  const position = policy.positions.find((p) => p.code === code)?.name;
  if (position) {
    const areaName = area ? AREA_NAMES[area] : undefined;
    if (!area) return inLocale(position, locale);
    const areaText = areaName ? inLocale(areaName, locale) : area;
    return locale === "en-US" ? `${position.en} (${areaText})` : `${position.zh}（${areaText}）`;
  }
  const areaName = AREA_NAMES[basis];
  return areaName ? inLocale(areaName, locale) : basis;
}

export function presentHolder(policy: Policy, holder: Holder, locale: Locale = "zh-CN") {
  return { ...holder, basisName: basisName(policy, holder.basis, locale) };
}

/** The text of an article or item, for showing a duty beside the words it comes from. */
export function provisionText(policy: Policy, ref: string): string {
  const articleId = ref.split(".")[0] ?? ref;
  const article = policy.articles.find((a) => a.id === articleId);
  if (!article) return "";
  if (ref === articleId) return article.text;
  return article.items.find((i) => i.id === ref)?.text ?? article.text;
}
