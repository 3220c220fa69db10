/* eslint-disable no-undef */
/**
 * The Office add-in build, after the Office "Excel Custom Functions using a Shared Runtime" template: the task pane
 * (React + Fluent UI v9) and the KH.* custom functions are two bundles loaded by ONE page, taskpane.html, which is
 * the shared runtime named in manifest.xml. Output: dist/ — a static site to put on any https server, with its
 * manifest.xml.
 *
 *   npm run build                                   production build, manifest for https://localhost:3000/
 *   KH_ADDIN_URL=https://intranet.example/kaohe/ npm run build    manifest rewritten for that server
 *   KH_OFFICE_JS_URL=/office-js/office.js npm run build           office.js from the intranet, not Microsoft's CDN
 *   KH_OFFICE_JS_URL=21vianet npm run build                       office.js from the CDN of 21Vianet's Microsoft 365
 *   KH_SUPPORT="县目标办 张三 0871-1234567" npm run build            the support contact shown on help.html
 *
 * dist/ also gets the server configs of deploy/ (IIS web.config, an nginx snippet): CORS on functions*.json, which
 * Excel on the web fetches from another origin.
 *   npm run dev-server                              https://localhost:3000 with office-addin-dev-certs
 *
 * The build needs no network: office.js is referenced by URL, never downloaded.
 */
const path = require("path");
const { tsRule } = require("./scripts/ts-rule");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources } = require("webpack");
const { readBuildOptions, readSupport, renderServerConfig, rewriteManifest } = require("./scripts/build-options");
const ForbidModulesPlugin = require("./scripts/forbid-modules-plugin");
const LocalizedFunctionsPlugin = require("./scripts/localized-functions-plugin");

/* global require, module, process, __dirname */

const FUNCTIONS = "./src/functions/functions.ts";

/** dist/build-info.json: which kind of build a dist/ folder holds, for whoever deploys it (and for the tests). */
function buildInfoPlugin(info) {
  return {
    apply(compiler) {
      compiler.hooks.thisCompilation.tap("BuildInfo", (compilation) => {
        const stage = Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL;
        compilation.hooks.processAssets.tap({ name: "BuildInfo", stage }, () => {
          // builtAt also makes the file differ each time, so webpack rewrites it (it skips unchanged files).
          const text = JSON.stringify({ ...info, builtAt: new Date().toISOString() }, null, 2);
          compilation.emitAsset("build-info.json", new sources.RawSource(`${text}\n`));
        });
      });
    },
  };
}

/** Dev certificates are only looked up (and installed on first use) when serving, never for a build. */
async function devServerHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const { addinUrl, officeJsUrl } = readBuildOptions(process.env);

  return {
    devtool: "source-map",
    target: ["web", "es2020"],
    entry: {
      functions: FUNCTIONS,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // dist/playground/ and dist/wps/ are other builds' output (webpack.playground.config.js, webpack.wps.config.js).
      clean: { keep: /^(playground|wps)[\\/]/ },
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        tsRule(),
      ],
    },
    plugins: [
      buildInfoPlugin({ version: require("./package.json").version, mode: argv.mode, addinUrl, officeJsUrl }),
      new ForbidModulesPlugin({ packages: ["hyperformula"] }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS }),
      new LocalizedFunctionsPlugin({
        source: "functions.json",
        output: "functions.zh-CN.json",
        localizer: path.resolve(__dirname, "scripts/functions-zh-cn.js"),
        descriptions: path.resolve(__dirname, "src/functions/descriptions.zh-CN.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: the functions register first, then the pane renders.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        // ?<hash> on the script URLs: Office caches add-in files hard; a new build must not run old code.
        hash: true,
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/taskpane/help.html",
        chunks: [],
        templateParameters: { support: readSupport(process.env) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString(), addinUrl),
          },
          ...["web.config", "nginx-kaohe.conf"].map((file) => ({
            from: `deploy/${file}`,
            to: file,
            transform: (content) => renderServerConfig(content.toString(), addinUrl),
          })),
        ],
      }),
    ],
    performance: {
      hints: dev ? false : "warning",
      // Fluent UI + React make a task pane of a few hundred KB; the build test keeps the real budget.
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js"),
    },
    devServer: {
      static: false,
      hot: dev,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await devServerHttpsOptions() } : "https",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
};
