/**
 * Everything that ships to WPS parses as ES2017: WPS embeds a Chromium whose version varies by build and platform
 * (docs/host-facts.md, WPS 表格), so webpack.wps.config.js lowers our code and node_modules alike. Every script
 * of the built add-in folder (files and inline <script> blocks) and of the intranet page publish.html is parsed
 * with acorn at ecmaVersion 2017, as a classic script.
 */
import { parse } from "acorn";
import * as fs from "fs";
import * as path from "path";
import { ROOT, readBuild } from "./built-addin";

let files: Map<string, Buffer>;
beforeAll(() => {
  files = readBuild();
}, 120_000);

const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc=/.test(m[1])).map((m) => m[2]);

function es2017Error(source: string): string | undefined {
  try {
    parse(source, { ecmaVersion: 2017, sourceType: "script" });
    return undefined;
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return `${(e as Error).message} near ${JSON.stringify(source.slice(Math.max(0, pos - 60), pos + 30))}`;
  }
}

test("every script of the add-in folder parses as ES2017", () => {
  const scripts = [...files.keys()].filter((f) => f.endsWith(".js"));
  expect(scripts.sort()).toEqual(["main.js", "taskpane.js"]);
  const failures: Record<string, string> = {};
  for (const name of scripts) {
    const error = es2017Error(files.get(name)!.toString("utf8"));
    if (error) failures[name] = error;
  }
  for (const name of [...files.keys()].filter((f) => f.endsWith(".html")))
    inlineScripts(files.get(name)!.toString("utf8")).forEach((code, i) => {
      const error = es2017Error(code);
      if (error) failures[`${name} <script> ${i + 1}`] = error;
    });
  expect(failures).toEqual({});
});

test("publish.html's script parses as ES2017 (and as the ES5 of old browsers)", () => {
  const [code] = inlineScripts(fs.readFileSync(path.join(ROOT, "wps/publish.html"), "utf8"));
  expect(es2017Error(code)).toBeUndefined();
  expect(() => parse(code, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
});

test("the check is real: ES2018 syntax (object spread) fails it", () => {
  expect(es2017Error("var a = { ...b };")).toMatch(/Unexpected token/);
});
