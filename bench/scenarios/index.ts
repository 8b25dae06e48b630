/**
 * The scenario registry. To add one: write `scenarios/<name>.ts` exporting a `Scenario` (and, if it needs its own
 * server or baseline program, `servers/<name>.ts`), then list it here. Order is run order.
 */
import { type Scenario } from "../harness/types.js";
import { coldStart } from "./cold-start.js";
import { health } from "./health.js";
import { idleRss } from "./idle-rss.js";
import { me } from "./me.js";

export const scenarios: readonly Scenario[] = [health, me, coldStart, idleRss];
