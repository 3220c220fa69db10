/**
 * Emits functions.zh-CN.json next to functions.json (made by CustomFunctionsMetadataPlugin from the JSDoc of
 * src/functions/functions.ts). The manifest's zh-CN <Override> of the metadata URL points at it, so a Chinese Excel
 * shows Chinese descriptions and parameter help while the function names stay KH.*.
 * The translation itself is scripts/functions-zh-cn.js `localize(functionsJson, descriptions)`.
 */
"use strict";
const fs = require("fs");
const { Compilation, WebpackError, sources } = require("webpack");

const PLUGIN = "LocalizedFunctionsPlugin";

class LocalizedFunctionsPlugin {
  /**
   * @param {{ source: string, output: string, localizer: string, descriptions: string }} options
   *   source/output: asset names; localizer/descriptions: absolute paths of the module and of the JSON table.
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { source, output, localizer, descriptions } = this.options;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const error = (message) => compilation.errors.push(new WebpackError(`${PLUGIN}: ${message}`));
        const asset = compilation.getAsset(source);
        if (!asset) return error(`${source} was not generated, so ${output} cannot be made.`);
        for (const file of [localizer, descriptions]) {
          compilation.fileDependencies.add(file);
          if (!fs.existsSync(file)) return error(`${file} is missing.`);
          // Re-read on every compilation, so `npm run watch` picks up edited translations.
          delete require.cache[require.resolve(file)];
        }
        try {
          const functionsJson = JSON.parse(asset.source.source().toString());
          const localized = require(localizer).localize(functionsJson, require(descriptions));
          const text = typeof localized === "string" ? localized : JSON.stringify(localized, null, 2);
          compilation.emitAsset(output, new sources.RawSource(text));
        } catch (e) {
          error(`could not make ${output}: ${e instanceof Error ? e.message : String(e)}`);
        }
      });
    });
  }
}

module.exports = LocalizedFunctionsPlugin;
