/**
 * manifest.xml, checked offline (`npm run validate` asks Microsoft's online service and stays a manual step):
 * well-formed, resources consistent, one shared runtime, the KH namespace, requirement sets, https URLs on the
 * add-in's own origin, zh-CN for every visible string, and icons that exist at the sizes they claim.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DEV_URL, rewriteManifest } from "../scripts/build-options";

const ROOT = path.resolve(__dirname, "..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

type Node = { [key: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // Elements that may repeat are always arrays, so the walks below need no special cases.
  isArray: (name) =>
    ["Override", "bt:Override", "bt:Image", "bt:Url", "bt:String", "Set", "Host", "ExtensionPoint", "Control"].includes(
      name,
    ),
});
const doc = parser.parse(XML) as Node;
const app = doc.OfficeApp as Node;
const overrides = (app.VersionOverrides as Node) ?? {};
const resources = overrides.Resources as Node;

/** Every element (with its tag) in document order. */
function walk(node: unknown, visit: (tag: string, el: Node) => void, tag = ""): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit, tag));
  if (node === null || typeof node !== "object") return;
  visit(tag, node as Node);
  for (const [key, child] of Object.entries(node as Node)) if (!key.startsWith("@")) walk(child, visit, key);
}

function list(node: unknown): Node[] {
  return Array.isArray(node) ? (node as Node[]) : node ? [node as Node] : [];
}

const images = list((resources["bt:Images"] as Node)["bt:Image"]);
const urls = list((resources["bt:Urls"] as Node)["bt:Url"]);
const shortStrings = list((resources["bt:ShortStrings"] as Node)["bt:String"]);
const longStrings = list((resources["bt:LongStrings"] as Node)["bt:String"]);

function resource(id: string): Node {
  const found = [...images, ...urls, ...shortStrings, ...longStrings].find((r) => r["@id"] === id);
  if (!found) throw new Error(`resource ${id} not defined`);
  return found;
}

function zhCn(el: Node): string[] {
  return [...list(el.Override), ...list(el["bt:Override"])]
    .filter((o) => String(o["@Locale"]).toLowerCase() === "zh-cn")
    .map((o) => String(o["@Value"]));
}

/** All URL values: DefaultValue/Value of URL-carrying elements, with where they were found. */
function allUrls(xmlDoc: Node): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  walk(xmlDoc, (tag, el) => {
    for (const [key, value] of Object.entries(el)) {
      if ((key === "@DefaultValue" || key === "@Value") && /^[a-z]+:\/\//i.test(String(value))) {
        found.push({ where: `${tag} ${String(el["@id"] ?? "")}`.trim(), url: String(value) });
      }
    }
  });
  return found;
}

function usedResids(): string[] {
  const used: string[] = [];
  walk(overrides, (_tag, el) => {
    if (typeof el["@resid"] === "string") used.push(el["@resid"]);
  });
  return used;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** assets file behind an add-in URL (https://localhost:3000/assets/icon-16.png → <repo>/assets/icon-16.png). */
function localFile(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return path.join(ROOT, url.slice(DEV_URL.length));
}

describe("manifest.xml", () => {
  test("is well-formed XML for a task pane add-in with a fixed id and the package version", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(app["@xsi:type"]).toBe("TaskPaneApp");
    expect(String(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(String(app.Version)).toBe(`${pkg.version}.0`);
    expect(list((app.Hosts as Node).Host).map((h) => h["@Name"])).toEqual(["Workbook"]);
    expect(overrides["@xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("every resid used is defined in Resources, every resource is used, ids are at most 32 characters", () => {
    const used = new Set(usedResids());
    const defined = [...images, ...urls, ...shortStrings, ...longStrings].map((r) => String(r["@id"]));
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of used) expect(defined).toContain(id);
    for (const id of defined) expect(used.has(id)).toBe(true);
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("one long-lived shared runtime: functions page, ribbon and pane all use taskpane.html", () => {
    const host = list((overrides.Hosts as Node).Host)[0];
    const runtime = (host.Runtimes as Node).Runtime as Node;
    expect(runtime["@lifetime"]).toBe("long");
    const page = String(runtime["@resid"]);
    expect(String(resource(page)["@DefaultValue"])).toBe(`${DEV_URL}taskpane.html`);

    const cf = list((host.AllFormFactors as Node).ExtensionPoint).find((e) => e["@xsi:type"] === "CustomFunctions")!;
    expect(((cf.Page as Node).SourceLocation as Node)["@resid"]).toBe(page);
    const desktop = host.DesktopFormFactor as Node;
    expect((desktop.FunctionFile as Node)["@resid"]).toBe(page);
    const buttons: Node[] = [];
    walk(desktop, (tag, el) => {
      if (tag === "Control") buttons.push(el);
    });
    expect(buttons).toHaveLength(1);
    const action = buttons[0].Action as Node;
    expect(action["@xsi:type"]).toBe("ShowTaskpane");
    expect((action.SourceLocation as Node)["@resid"]).toBe(page);
    // The shared-runtime doc: none of the <Action> elements may have a <TaskpaneId> (it would open another pane).
    let taskpaneIds = 0;
    walk(overrides, (tag) => {
      if (tag === "TaskpaneId") taskpaneIds++;
    });
    expect(taskpaneIds).toBe(0);
    expect(XML).not.toMatch(/<TaskpaneId>/);
    expect(((app.DefaultSettings as Node).SourceLocation as Node)["@DefaultValue"]).toBe(`${DEV_URL}taskpane.html`);
    // The button sits on the Home tab.
    const surface = list(desktop.ExtensionPoint).find((e) => e["@xsi:type"] === "PrimaryCommandSurface")!;
    expect((surface.OfficeTab as Node)["@id"]).toBe("TabHome");
  });

  test("custom functions: namespace KH in every language, functions.js, metadata with a zh-CN override", () => {
    const host = list((overrides.Hosts as Node).Host)[0];
    const cf = list((host.AllFormFactors as Node).ExtensionPoint).find((e) => e["@xsi:type"] === "CustomFunctions")!;
    const ns = resource(String((cf.Namespace as Node)["@resid"]));
    expect(ns["@DefaultValue"]).toBe("KH");
    expect(zhCn(ns)).toEqual(["KH"]);
    const script = resource(String(((cf.Script as Node).SourceLocation as Node)["@resid"]));
    expect(script["@DefaultValue"]).toBe(`${DEV_URL}functions.js`);
    const metadata = resource(String(((cf.Metadata as Node).SourceLocation as Node)["@resid"]));
    expect(metadata["@DefaultValue"]).toBe(`${DEV_URL}functions.json`);
    expect(zhCn(metadata)).toEqual([`${DEV_URL}functions.zh-CN.json`]);
  });

  test("requirement sets: shared runtime, custom functions with error codes, Excel API", () => {
    const sets = list(((app.Requirements as Node).Sets as Node).Set);
    const min = (name: string) => sets.find((s) => s["@Name"] === name)?.["@MinVersion"];
    const atLeast = (have: unknown, need: string) => {
      expect(typeof have).toBe("string");
      const [a, b] = String(have).split(".").map(Number);
      const [c, d] = need.split(".").map(Number);
      expect(a > c || (a === c && b >= d)).toBe(true);
    };
    atLeast(min("SharedRuntime"), "1.1");
    atLeast(min("ExcelApi"), "1.1");
    // SPEC §2.1 throws CustomFunctions.Error with #DIV/0!, #NUM!, #N/A: the set that has those codes is required.
    const typings = fs.readFileSync(path.join(ROOT, "node_modules/@types/custom-functions-runtime/index.d.ts"), "utf8");
    for (const code of ["invalidValue", "divisionByZero", "invalidNumber", "notAvailable"]) {
      const m = new RegExp(`Api set: CustomFunctionsRuntime (\\d+\\.\\d+)\\][^=]*?\\n\\s*${code} =`).exec(typings);
      expect(m).not.toBeNull();
      atLeast(min("CustomFunctionsRuntime"), m![1]);
    }
  });

  test("every URL is https on the add-in's own origin", () => {
    const found = allUrls(doc);
    expect(found.length).toBeGreaterThanOrEqual(10);
    for (const { url } of found) expect(url.startsWith(DEV_URL)).toBe(true);
  });

  test("a production build moves every URL to the production server", () => {
    const prod = "https://kaohe.intranet.example/addin/";
    const rewritten = parser.parse(rewriteManifest(XML, prod)) as Node;
    const found = allUrls(rewritten);
    expect(found).toHaveLength(allUrls(doc).length);
    for (const { url } of found) expect(url.startsWith(prod)).toBe(true);
    expect(rewriteManifest(XML, prod)).not.toContain("localhost");
  });

  test("every visible string has a Chinese zh-CN override within Office's length limits", () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const el of [app.DisplayName as Node, app.Description as Node]) {
      const zh = zhCn(el);
      expect(zh).toHaveLength(1);
      expect(zh[0]).toMatch(cjk);
    }
    expect(zhCn(app.DisplayName as Node)).toEqual(["考核助手"]);
    expect(String((app.Description as Node)["@DefaultValue"]).length).toBeLessThanOrEqual(250);
    for (const [strings, limit] of [
      [shortStrings, 125],
      [longStrings, 250],
    ] as const) {
      for (const s of strings) {
        const zh = zhCn(s);
        expect({ id: s["@id"], overrides: zh.length }).toEqual({ id: s["@id"], overrides: 1 });
        expect(String(s["@DefaultValue"]).length).toBeLessThanOrEqual(limit);
        expect(zh[0].length).toBeLessThanOrEqual(limit);
        if (s["@id"] !== "Functions.Namespace") expect(zh[0]).toMatch(cjk);
      }
    }
    // The ribbon button reads 考核助手 in a Chinese Excel.
    expect(zhCn(resource("OpenPane.Label"))).toEqual(["考核助手"]);
  });

  test("icons exist as PNG files of the pixel size they are declared at", () => {
    const expectSize = (url: string, size: number) => {
      expect(pngSize(localFile(url))).toEqual({ width: size, height: size });
    };
    expectSize(String((app.IconUrl as Node)["@DefaultValue"]), 32);
    expectSize(String((app.HighResolutionIconUrl as Node)["@DefaultValue"]), 64);
    for (const img of images) {
      const m = /^Icon\.(\d+)x\1$/.exec(String(img["@id"]));
      expect(m).not.toBeNull();
      expectSize(String(img["@DefaultValue"]), Number(m![1]));
    }
    // Where an <Icon> uses an image, the size it declares is the image's size.
    walk(overrides, (tag, el) => {
      if (tag !== "Icon") return;
      for (const img of list(el["bt:Image"])) {
        expect(String(img["@resid"])).toBe(`Icon.${img["@size"]}x${img["@size"]}`);
      }
    });
  });
});
