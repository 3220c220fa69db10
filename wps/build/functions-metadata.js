/**
 * The KH.* metadata WPS takes (build time, plain CommonJS for webpack.wps.config.js and the packaging): made from the
 * same Chinese functions.json as the Excel build (scripts/functions-zh-cn.js, src/functions/descriptions.zh-CN.json),
 * turned into the shape of wps.AddCustomFunction's fourth argument and of wpsjs's functions.json:
 *   { name, description, result: { type }, parameters: [{ name, type, description }] }
 * where a type is "number", "string", "bool" or "any", "[][]" marks a range, and a trailing "?" an optional
 * parameter (the convention of Kingsoft's wpsjs functionsScanner).
 */
"use strict";
const path = require("path");

const ROOT = path.resolve(__dirname, "../..");

function wpsType(t) {
  const base = !t.type ? "any" : t.type === "boolean" ? "bool" : t.type;
  return base + (t.dimensionality === "matrix" ? "[][]" : "");
}

/** Excel-style (localized) functions.json → the WPS metadata list. */
function toWpsMetadata(functionsJson) {
  return functionsJson.functions.map((fn) => ({
    name: fn.name.toUpperCase(),
    description: fn.description || "",
    result: { type: wpsType(fn.result || {}) },
    parameters: (fn.parameters || []).map((p) => ({
      name: p.name,
      type: wpsType(p) + (p.optional ? "?" : ""),
      description: p.description || "",
    })),
  }));
}

/** The Chinese WPS metadata of src/functions/functions.ts. */
async function buildWpsMetadata() {
  const { generateMetadata, localize } = require(path.join(ROOT, "scripts/functions-zh-cn.js"));
  const table = require(path.join(ROOT, "src/functions/descriptions.zh-CN.json"));
  const english = await generateMetadata(path.join(ROOT, "src/functions/functions.ts"));
  return toWpsMetadata(localize(english, table));
}

module.exports = { toWpsMetadata, buildWpsMetadata, wpsType };
