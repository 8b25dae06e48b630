// Typed lint rules for the whole package: server, web, tests, benchmarks.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "data/**", ".e2e-artifacts/**", ".bench/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["*.js", "*.mjs", "scripts/*.mjs"],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/only-throw-error": "off",
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/**/*.test.ts"],
    rules: { "no-console": "error" },
  },
  {
    // The CLI is the one place that writes to the terminal on purpose.
    files: ["src/cli/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    // Migrations are frozen against the schema of their day, not today's types (DESIGN.md §6).
    files: ["src/platform/db/migrations/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["*.js", "*.mjs", "scripts/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
