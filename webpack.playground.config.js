/* eslint-disable no-undef */
/**
 * The playground build: the task pane beside an in-browser workbook (src/playground/), for development,
 * demonstration and the browser tests. Output: dist/playground/, a static site (index.html, playground.js, the
 * sample workbooks). Separate from webpack.config.js: the playground uses HyperFormula (GPL v3) to recalculate the
 * workbook in the page, and HyperFormula must never get into the add-in bundles.
 *
 *   npm run build:playground      production build into dist/playground/
 *   npm run playground            http://localhost:3100/ (webpack-dev-server, rebuilds on change)
 */
const fs = require("fs");
const { tsRule } = require("./scripts/ts-rule");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { parseTree } = require("custom-functions-metadata");

/* global require, module, __dirname */

const FUNCTIONS = path.resolve(__dirname, "src/functions/functions.ts");
const SAMPLES = ["村级考核.xlsx", "参保调度.xlsx", "二版考核.xlsx"];

/** How Excel calls each KH.* function (the content of functions.json the adapter needs), read at build time. */
function functionMetadata() {
  const parsed = parseTree(fs.readFileSync(FUNCTIONS, "utf8"), FUNCTIONS);
  const errors = parsed.extras.flatMap((e) => e.errors);
  if (errors.length) throw new Error(`functions.ts metadata errors:\n${errors.join("\n")}`);
  return parsed.functions.map((f) => ({
    id: f.id,
    parameters: f.parameters.map((p) => ({ name: p.name, matrix: p.dimensionality === "matrix", optional: !!p.optional })),
    matrixResult: !!f.result && f.result.dimensionality === "matrix",
  }));
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-cheap-module-source-map" : false,
    target: ["web", "es2020"],
    entry: { playground: "./src/playground/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist/playground"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        tsRule(),
      ],
    },
    optimization: {
      // Served from localhost or a folder: not minified, so a build takes seconds, not a minute and a half
      // (HyperFormula, exceljs and Fluent UI are megabytes of code), and stack traces read as the source.
      minimize: false,
    },
    plugins: [
      new webpack.DefinePlugin({ __KH_FUNCTION_METADATA__: JSON.stringify(functionMetadata()) }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/playground/playground.html", hash: true }),
      new CopyWebpackPlugin({
        patterns: SAMPLES.map((file) => ({ from: `samples/${file}`, to: `samples/${file}` })),
      }),
    ],
    // A development tool served locally: the bundle carries HyperFormula, exceljs and Fluent UI.
    performance: { hints: false },
    devServer: {
      static: false,
      host: "localhost",
      port: 3100,
      hot: false,
      open: false,
    },
  };
};
