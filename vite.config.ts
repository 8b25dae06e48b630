// Builds the SPA in src/web into dist/web, which the Fastify server serves; in dev, proxies the API to it.
import react from "@vitejs/plugin-react";
import { defineConfig, type ProxyOptions } from "vite";

const API = "http://127.0.0.1:8080";

/**
 * The SPA's own source folder src/web/api/ is served by Vite at /api/*.ts, the same prefix as the API.
 * Module requests (the browser marks them sec-fetch-dest: script) stay with Vite; everything else goes to the API.
 */
const apiProxy: ProxyOptions = {
  target: API,
  bypass: (req) => (req.headers["sec-fetch-dest"] === "script" ? req.url : undefined),
};

export default defineConfig({
  root: "src/web",
  plugins: [react()],
  // `import { type X } from "…"` is erased whole, as tsc without verbatimModuleSyntax would: otherwise the shared domain
  // files' type-only imports of the policy schema would pull zod into the browser bundle.
  oxc: { typescript: { onlyRemoveTypeImports: false } },
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Split vendors by how often they change, so a release that only touches our pages keeps them cached.
        codeSplitting: {
          groups: [
            // ECharts is loaded on demand (components/echart.tsx): its own chunks, never part of the first page; its
            // renderer (zrender) apart, to stay under the 500 kB warning.
            { name: "echarts", test: /node_modules[\\/]echarts[\\/]/, priority: 4 },
            { name: "zrender", test: /node_modules[\\/]zrender[\\/]/, priority: 5 },
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 3 },
            // antd with its own dependencies is over the 500 kB warning, so it is cut along package lines instead.
            { name: "antd-icons", test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 3 },
            { name: "antd-rc", test: /node_modules[\\/](@rc-component|rc-[^\\/]+)[\\/]/, priority: 2 },
            // antd itself outgrew 500 kB once the admin pages used tables, pickers and trees: cut it in two by component.
            { name: "antd-a-f", test: /node_modules[\\/]antd[\\/](es|lib)[\\/][a-f]/, priority: 2 },
            { name: "antd", test: /node_modules[\\/](antd|@ant-design)[\\/]/, priority: 2 },
            { name: "vendor", test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": apiProxy,
      "/metrics": API,
    },
  },
  preview: { host: "127.0.0.1" },
});
