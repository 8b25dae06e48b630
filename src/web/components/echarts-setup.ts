/**
 * The parts of ECharts the platform draws with, registered once. Loaded only through `echart.tsx`'s dynamic import,
 * so the library (a few hundred kB) is fetched when the first chart appears, never with the first page.
 */
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };
