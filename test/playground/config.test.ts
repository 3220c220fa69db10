/**
 * webpack.playground.config.js: its own output folder (dist/playground/), the sample workbooks copied, and the
 * KH.* metadata it embeds in the page equal to what the tests read from functions.ts.
 */
import * as path from "path";
import { khFunctionMetadata } from "../support/hyperformula-kh";

type Plugin = { constructor: { name: string }; definitions?: Record<string, string>; patterns?: { from: string; to: string }[] };
type Config = { entry: Record<string, string>; output: { path: string; clean: boolean }; plugins: Plugin[] };

const factory = require("../../webpack.playground.config.js") as (env: object, argv: { mode: string }) => Config;

test("builds the playground page into dist/playground/ with the samples", () => {
  const config = factory({}, { mode: "production" });
  expect(config.output.path).toBe(path.resolve(__dirname, "../../dist/playground"));
  expect(config.entry).toEqual({ playground: "./src/playground/index.tsx" });
  const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin")!;
  expect(copy.patterns!.map((p) => p.to)).toEqual(["samples/村级考核.xlsx", "samples/参保调度.xlsx", "samples/二版考核.xlsx"]);
});

test("embeds the KH.* calling conventions that functions.ts declares", () => {
  const config = factory({}, { mode: "production" });
  const define = config.plugins.find((p) => p.constructor.name === "DefinePlugin")!;
  const embedded = JSON.parse(define.definitions!.__KH_FUNCTION_METADATA__);
  expect(embedded).toEqual(khFunctionMetadata());
  expect(embedded).toHaveLength(17);
  expect(embedded.find((f: { id: string }) => f.id === "RANKIN")).toMatchObject({
    matrixResult: true,
    parameters: expect.arrayContaining([{ name: "scores", matrix: true, optional: false }]),
  });
});
