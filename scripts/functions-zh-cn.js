/**
 * Chinese (zh-CN) metadata of the KH.* custom functions.
 *   localize(functionsJson, table)  the functions.json Excel reads, with every description and parameter help in
 *                                   Chinese from src/functions/descriptions.zh-CN.json (same ids, names and
 *                                   parameter names). Throws when a function or parameter has no translation, or
 *                                   the table names one that no longer exists, so a renamed parameter cannot ship
 *                                   half-translated.
 *   generateMetadata(sourceFile)    the English functions.json object made from the JSDoc of functions.ts by
 *                                   custom-functions-metadata (what CustomFunctionsMetadataPlugin emits).
 * Plain CommonJS: used by webpack.config.js and the WPS packaging, outside TypeScript.
 *
 * The table: { "VETO": { "description": "…", "parameters": { "score": "…", … } }, … }, keyed by function id.
 */
"use strict";

function fail(message) {
  throw new Error(`[functions.zh-CN] ${message}`);
}

function isText(v) {
  return typeof v === "string" && v.trim() !== "";
}

/** @param {{ functions: Array<{ id: string, description?: string, parameters?: Array<{ name: string, description?: string }> }> }} functionsJson */
function localize(functionsJson, table) {
  if (!functionsJson || !Array.isArray(functionsJson.functions)) fail("functions.json 中没有 functions 列表");
  if (!table || typeof table !== "object") fail("缺少中文说明表");
  const problems = [];
  const ids = new Set();
  const functions = functionsJson.functions.map((fn) => {
    ids.add(fn.id);
    const zh = table[fn.id];
    if (!zh || !isText(zh.description)) {
      problems.push(`函数 ${fn.id} 缺少中文说明`);
      return fn;
    }
    const params = zh.parameters || {};
    const names = new Set();
    const parameters = (fn.parameters || []).map((p) => {
      names.add(p.name);
      if (!isText(params[p.name])) {
        problems.push(`函数 ${fn.id} 的参数 ${p.name} 缺少中文说明`);
        return p;
      }
      return { ...p, description: params[p.name] };
    });
    for (const name of Object.keys(params)) {
      if (!names.has(name)) problems.push(`中文说明表中函数 ${fn.id} 的参数 ${name} 在 functions.json 中不存在`);
    }
    return { ...fn, description: zh.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`中文说明表中的函数 ${id} 在 functions.json 中不存在`);
  }
  if (problems.length) fail(problems.join("；"));
  return { ...functionsJson, functions };
}

/** The English functions.json object generated from a functions source file; throws on metadata errors. */
async function generateMetadata(sourceFile) {
  const path = require("path");
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata(path.resolve(sourceFile), false);
  if (result.errors.length) fail(`${sourceFile} 的函数说明有误：\n${result.errors.join("\n")}`);
  if (!result.metadataJson) fail(`${sourceFile} 中没有 @customfunction 函数`);
  return JSON.parse(result.metadataJson);
}

module.exports = { localize, generateMetadata };
