import type { zhCN } from "./zh-CN";

/** The shape every locale must have: the zh-CN keys, each leaf a string. */
export type Messages = Shape<typeof zhCN>;

// Mapping over the Chinese object means a missing or extra key in another locale is a compile error.
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
