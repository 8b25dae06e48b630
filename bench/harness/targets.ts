/** Checking a measured figure against a scenario's target, and saying it in words. */
import { type Target } from "./types.js";

export interface TargetCheck {
  target: Target;
  /** The figure the target is about, in the target's unit. */
  value: number;
  met: boolean;
}

/** Whether `value` meets the target (a NaN never does). */
export function checkTarget(target: Target, value: number): TargetCheck {
  const met = "min" in target ? value >= target.min : value <= target.max;
  return { target, value, met: met && !Number.isNaN(value) };
}

export function describeTarget(target: Target): string {
  switch (target.metric) {
    case "throughput-ratio":
      return `ratio ≥ ${target.min}`;
    case "ready-ms":
      return `≤ ${target.max} ms`;
    case "rss-mb":
      return `≤ ${target.max} MB`;
  }
}
