/**
 * The KH.* metadata WPS takes (build time, plain CommonJS for webpack.wps.config.js and the packaging): made from the
 * same Chinese functions.json as the Excel build (scripts/functions-zh-cn.js, src/functions/descriptions.zh-CN.json),
 * turned into the shape of wps.AddCustomFunction's fourth argument and of the functions.json manifest.xml names:
 *   { name, description, result: { type }, parameters: [{ name, type, description }] }
 * A type is written as Kingsoft's functionsScanner writes it (wpsjs 2.2.3, src/vite_plugins.js parseType):
 * "number", "string", "boolean" (a TypeScript boolean is a union of true | false, so the scanner never reaches its
 * "bool" branch) or "any", "[][]" after it for a range, and a trailing "?" for an optional parameter.
 */
"use strict";
const path = require("path");

const ROOT = path.resolve(__dirname, "../..");

function wpsType(t) {
  const base = t.type === "number" || t.type === "string" || t.type === "boolean" ? t.type : "any";
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

/** The functions.json of the add-in folder (the scanner's layout: { functions: [...] }), from the metadata list. */
function functionsJson(metadata) {
  return { functions: metadata.map(({ name, parameters, description, result }) => ({ name, parameters, description, result })) };
}

/** The Chinese WPS metadata of src/functions/functions.ts. */
async function buildWpsMetadata() {
  const { generateMetadata, localize } = require(path.join(ROOT, "scripts/functions-zh-cn.js"));
  const table = require(path.join(ROOT, "src/functions/descriptions.zh-CN.json"));
  const english = await generateMetadata(path.join(ROOT, "src/functions/functions.ts"));
  return toWpsMetadata(localize(english, table));
}

module.exports = { toWpsMetadata, buildWpsMetadata, functionsJson, wpsType };
