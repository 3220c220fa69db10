/**
 * Fails the build when a forbidden package ends up in a bundle. HyperFormula is GPL-3.0 and a devDependency (used
 * only by tests to cross-check formulas): shipping it in the add-in would put the add-in under the GPL.
 */
"use strict";
const { WebpackError } = require("webpack");

const PLUGIN = "ForbidModulesPlugin";

class ForbidModulesPlugin {
  /** @param {{ packages: string[] }} options package names, e.g. ["hyperformula"] */
  constructor(options) {
    this.packages = options.packages;
  }

  apply(compiler) {
    const patterns = this.packages.map(
      (name) => new RegExp(`[\\\\/]node_modules[\\\\/]${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}[\\\\/]`),
    );
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.finishModules.tap(PLUGIN, (modules) => {
        for (const module of modules) {
          const resource = module.resource;
          if (!resource || !patterns.some((p) => p.test(resource))) continue;
          const issuer = compilation.moduleGraph.getIssuer(module);
          const by = issuer && issuer.resource ? ` (imported by ${issuer.resource})` : "";
          compilation.errors.push(
            new WebpackError(`${PLUGIN}: ${resource} must not be bundled${by}. It is GPL-licensed and a test-only dependency.`),
          );
        }
      });
    });
  }
}

module.exports = ForbidModulesPlugin;
