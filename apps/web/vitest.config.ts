import { fileURLToPath } from "node:url";
import { suiteConfig } from "@orylo/testkit/vitest";
import { defineConfig } from "vitest/config";

export default defineConfig({
  ...suiteConfig(),
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
});
