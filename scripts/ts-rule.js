// The TypeScript rule every webpack config of the project uses (add-in, WPS, playground). Types are checked by
// `tsc --noEmit` (see .ci/run); the bundles only need the transpiled code.
const path = require("path");

/** @param {object} [compilerOptions] overrides of tsconfig.json for this bundle (e.g. an older target for WPS). */
function tsRule(compilerOptions) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        configFile: path.resolve(__dirname, "..", "tsconfig.json"),
        ...(compilerOptions ? { compilerOptions } : {}),
      },
    },
  };
}

module.exports = { tsRule };
