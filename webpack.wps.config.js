/* eslint-disable no-undef */
/**
 * The WPS 表格 add-in build (`npm run build:wps`): dist/wps/ is the add-in folder WPS's jsaddons expects
 * (packaged as kaohe_<version> by `npm run package:wps`):
 *   index.html + main.js   the entry page WPS opens at start: ribbon callbacks and the KH.* functions
 *   ribbon.xml, images/    the 考核助手 tab
 *   taskpane.html + .js    the same React task pane as the Excel add-in, without office.js
 *   help.html              the function help, opened from the ribbon
 *   manifest.xml           the JsPlugin manifest: WPS reads functions.json from it before index.html has loaded,
 *   functions.json         so =KH.… in a workbook opened at start is known (the layout of wpsjs's ET template)
 * Separate from webpack.config.js (the Office add-in) so neither build changes the other: each cleans only its own
 * output (the Office build keeps dist/wps and dist/playground).
 */
const path = require("path");
const { EsbuildPlugin } = require("esbuild-loader");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const ForbidModulesPlugin = require("./scripts/forbid-modules-plugin");
const { buildWpsMetadata, functionsJson } = require("./wps/build/functions-metadata");
const { readSupport } = require("./scripts/build-options");

/**
 * Everything that ships to WPS is ES2017 syntax, our code and node_modules (React, Fluent UI) alike: WPS embeds a
 * Chromium whose version varies by build and platform (test/wps/es2017.test.ts parses every shipped script).
 */
const TARGET = "es2017";

/* global require, module, process, __dirname */

module.exports = async (_env, argv) => {
  const dev = argv.mode === "development";
  const metadata = await buildWpsMetadata();
  return {
    devtool: dev ? "source-map" : false,
    target: ["web", TARGET],
    entry: {
      main: "./src/wps/main.ts",
      taskpane: "./src/wps/taskpane.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist/wps"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, loader: "esbuild-loader", options: { target: TARGET } },
        // Packages publish ES2020+ (class static blocks, ?., ??=): lowered too.
        { test: /\.m?js$/, include: /node_modules/, loader: "esbuild-loader", options: { target: TARGET } },
      ],
    },
    plugins: [
      new ForbidModulesPlugin({ packages: ["hyperformula"] }),
      // The pane's lazily loaded parts (the Word bulletin's docx writer) stay inside taskpane.js: one file per page.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 2 }),
      new webpack.DefinePlugin({ __KH_WPS_FUNCTIONS__: JSON.stringify(metadata) }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./wps/index.html",
        chunks: ["main"],
        inject: "head",
        // A classic, blocking script: WPS looks the ribbon callbacks up on window as soon as the page has loaded.
        scriptLoading: "blocking",
        hash: true,
      }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./wps/taskpane.html", chunks: ["taskpane"], hash: true }),
      // The support contact of help.html, as in the Office build (KH_SUPPORT, scripts/build-options.js).
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [], templateParameters: { support: readSupport(process.env) } }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "wps/ribbon.xml", to: "ribbon.xml" },
          { from: "wps/images/*.svg", to: "images/[name][ext]" },
          { from: "wps/manifest.xml", to: "manifest.xml" },
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("KhFunctionsJson", (compilation) =>
            compilation.hooks.processAssets.tap({ name: "KhFunctionsJson", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () =>
              compilation.emitAsset("functions.json", new webpack.sources.RawSource(JSON.stringify(functionsJson(metadata), null, 2)))
            )
          );
        },
      },
    ],
    optimization: { minimizer: [new EsbuildPlugin({ target: TARGET, legalComments: "eof" })] },
    performance: { maxAssetSize: 1024 * 1024, maxEntrypointSize: 1024 * 1024, assetFilter: (file) => file.endsWith(".js") },
  };
};
