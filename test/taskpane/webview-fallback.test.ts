/**
 * @jest-environment jsdom
 *
 * The pane page's "需要 WebView2" fallback: without WebView2, Office shows add-ins with <Runtimes> in Internet
 * Explorer 11, which cannot parse the ES2020 bundles. The inline check must itself be ES5 (parsed here with acorn
 * at ecmaVersion 5, as IE11 would), stay silent in a modern engine, and replace the pane's contents otherwise.
 */
import { parse } from "acorn";
import * as fs from "fs";
import * as path from "path";

const HTML = fs.readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
const SCRIPT = /<script id="kh-webview-check">([\s\S]*?)<\/script>/.exec(HTML)![1];

/** The page's body, fresh for each test. */
function loadBody(): void {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(HTML)![1].replace(/<script[\s\S]*?<\/script>/g, "");
}

/** Run the inline check with the given Function constructor (the engine's, or one that refuses ES2020 syntax). */
function runCheck(FunctionCtor: typeof Function): void {
  new Function("Function", "document", SCRIPT)(FunctionCtor, document);
}

test("the inline check is ES5 (IE11 parses it)", () => {
  expect(() => parse(SCRIPT, { ecmaVersion: 5 })).not.toThrow();
  // ES2020 syntax only inside the string handed to `new Function`, never in the script itself.
  expect(() => parse("var a = {}; a?.b;", { ecmaVersion: 5 })).toThrow();
});

test("it runs once the pane's container exists", () => {
  expect(HTML.indexOf('id="container"')).toBeLessThan(HTML.indexOf('id="kh-webview-check"'));
});

test("a modern web view keeps the loading text for the bundles to replace", () => {
  loadBody();
  runCheck(Function);
  expect(document.getElementById("kh-loading")).not.toBeNull();
  expect(document.getElementById("kh-needs-webview2")).toBeNull();
});

test("Internet Explorer 11 gets the short Chinese message instead of a blank pane", () => {
  loadBody();
  const ie11 = function () {
    throw new SyntaxError("Expected identifier");
  } as unknown as typeof Function;
  runCheck(ie11);
  const box = document.getElementById("kh-needs-webview2")!;
  expect(box.getAttribute("role")).toBe("alert");
  expect(box.textContent).toContain("考核助手需要 Microsoft Edge WebView2");
  expect(document.getElementById("kh-loading")).toBeNull();
});
