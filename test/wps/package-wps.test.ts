/**
 * `npm run package:wps`: the offline package and its install routes, checked for real where this machine can: the 7z
 * archive is listed with 7-Zip, the XML files are parsed, the Linux installer runs against a temporary HOME, and
 * publish.html's script is run against a fake WPS service.
 */
import { execFileSync } from "child_process";
import { XMLParser } from "fast-xml-parser";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { ROOT, wpsBuildDir } from "./built-addin";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require("../../scripts/package-wps.js") as {
  makePackage(o: { dist: string; out: string; version: string; server?: string }): string[];
  publishEntry(version: string): string;
};

const VERSION = "0.1.0";
const SERVER = "http://10.1.2.3/kaohe/";
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });
const made: string[] = [];
const tmp = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

let out: string;
let files: string[];
beforeAll(() => {
  out = tmp("kh-wps-package-");
  files = pkg.makePackage({ dist: wpsBuildDir(), out, version: VERSION, server: SERVER });
}, 180_000);

const read = (rel: string) => fs.readFileSync(path.join(out, rel), "utf8").replace(/^\ufeff/, "");
const plugins = (xml: string) => [parser.parse(xml).jsplugins.jsplugin].flat();

test("the package holds the add-in folder, the archive and every install route", () => {
  for (const f of [
    "kaohe_0.1.0/ribbon.xml",
    "kaohe_0.1.0/index.html",
    "kaohe_0.1.0/main.js",
    "kaohe_0.1.0/taskpane.html",
    "kaohe_0.1.0/taskpane.js",
    "kaohe_0.1.0/images/kaohe.svg",
    "kaohe_0.1.0/manifest.xml",
    "kaohe_0.1.0/functions.json",
    "kaohe.7z",
    "publish.xml",
    "install-linux.sh",
    "install-windows.bat",
    "install-windows.ps1",
    "web/publish.html",
    "web/kaohe.7z",
    "web/kaohe_0.1.0/ribbon.xml",
    "it/windows/jsplugins.xml",
    "it/linux/jsplugins.xml",
    "it/server/jsplugins.xml",
    "it/oem.ini.txt",
    "说明.txt",
  ]) {
    expect(files).toContain(f);
  }
  expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
});

test("kaohe.7z is a 7z archive with kaohe_<version>/ at its top", () => {
  const archive = path.join(out, "kaohe.7z");
  expect(fs.readFileSync(archive).subarray(0, 2).toString("latin1")).toBe("7z");
  const listing = execFileSync(require("7zip-bin").path7za, ["l", "-slt", archive], { encoding: "utf8" });
  const paths = [...listing.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]).slice(1);
  const folder = ["ribbon.xml", "main.js", "taskpane.js", "manifest.xml", "functions.json"].map((f) => `kaohe_0.1.0/${f}`);
  expect(paths).toEqual(expect.arrayContaining(["kaohe_0.1.0", ...folder]));
  expect(paths.every((p) => p.startsWith("kaohe_0.1.0"))).toBe(true);
});

test("the packaged manifest.xml and functions.json are the build's, and list all 17 functions", () => {
  const built = wpsBuildDir();
  for (const f of ["manifest.xml", "functions.json"]) expect(read(`kaohe_0.1.0/${f}`)).toBe(fs.readFileSync(path.join(built, f), "utf8"));
  const names = (JSON.parse(read("kaohe_0.1.0/functions.json")) as { functions: { name: string }[] }).functions.map((f) => f.name);
  expect(new Set(names).size).toBe(17);
  expect(parser.parse(read("kaohe_0.1.0/manifest.xml")).JsPlugin.Functions).toEqual({ Uri: "functions.json", Namespace: "KH" });
});

test("说明.txt tells the Windows and Linux version rules, the trust prompt and the restart, and which route is for whom", () => {
  const text = read("说明.txt");
  for (const phrase of ["12.1.0.20540", "12.8.2.x", "12.8.2.26885", "是否信任", "重新打开", "12.1.0.16910", "企业版、专业版", "收起"])
    expect(text).toContain(phrase);
});

test("publish.xml and the jsplugins.xml files parse and point at the right places", () => {
  expect(plugins(read("publish.xml"))).toEqual([
    { name: "kaohe", type: "et", url: "kaohe_0.1.0", version: "0.1.0", enable: "enable_dev", install: "null", customDomain: "" },
  ]);
  const urlOf = (rel: string) => plugins(read(rel))[0];
  expect(urlOf("it/windows/jsplugins.xml")).toEqual({ name: "kaohe", type: "et", url: "file:///C:/ProgramData/Kaohe/kaohe.7z", version: "0.1.0", enable: "true" });
  expect(urlOf("it/linux/jsplugins.xml").url).toBe("file:///opt/kaohe/kaohe.7z");
  expect(urlOf("it/server/jsplugins.xml").url).toBe(`${SERVER}kaohe.7z`);
  const oem = read("it/oem.ini.txt");
  expect(oem).toContain("[Support]\r\nJsApiPlugin=true\r\nJsApiShowWebDebugger=false\r\n[Server]\r\nJSPluginsServer=C:\\ProgramData\\Kaohe\\jsplugins.xml");
  expect(oem).toContain("JSPluginsServer=file:///opt/kaohe/jsplugins.xml");
  expect(oem).toContain(`JSPluginsServer=${SERVER}jsplugins.xml`);
});

describe("install-linux.sh installs for the current user", () => {
  function install(existing?: string, oldFolder?: string): { home: string; addons: string } {
    const home = tmp("kh-home-");
    const addons = path.join(home, ".local/share/Kingsoft/wps/jsaddons");
    fs.mkdirSync(addons, { recursive: true });
    if (existing !== undefined) fs.writeFileSync(path.join(addons, "publish.xml"), existing);
    if (oldFolder) fs.mkdirSync(path.join(addons, oldFolder));
    execFileSync("sh", [path.join(out, "install-linux.sh")], { env: { ...process.env, HOME: home }, stdio: "pipe" });
    return { home, addons };
  }

  test("first install: the folder and a new publish.xml", () => {
    const { addons } = install();
    expect(fs.existsSync(path.join(addons, "kaohe_0.1.0/ribbon.xml"))).toBe(true);
    expect(plugins(fs.readFileSync(path.join(addons, "publish.xml"), "utf8"))).toEqual([expect.objectContaining({ name: "kaohe", url: "kaohe_0.1.0" })]);
  });

  test("an update keeps other add-ins, replaces the old entry and removes the old folder", () => {
    const existing = `<jsplugins>\n  <jsplugin name="other" type="wps" url="other_1.0" version="1.0" enable="enable_dev" install="null"/>\n  <jsplugin name="kaohe" type="et" url="kaohe_0.0.9" version="0.0.9" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`;
    const { addons } = install(existing, "kaohe_0.0.9");
    expect(fs.existsSync(path.join(addons, "kaohe_0.0.9"))).toBe(false);
    const list = plugins(fs.readFileSync(path.join(addons, "publish.xml"), "utf8"));
    expect(list.map((p) => [p.name, p.url])).toEqual([
      ["other", "other_1.0"],
      ["kaohe", "kaohe_0.1.0"],
    ]);
  });

  test("an empty, self-closed list on one line", () => {
    const { addons } = install("<jsplugins/>");
    expect(plugins(fs.readFileSync(path.join(addons, "publish.xml"), "utf8")).map((p) => p.url)).toEqual(["kaohe_0.1.0"]);
  });
});

test("install-windows.bat runs install-windows.ps1, which copies into %APPDATA%\\kingsoft\\wps\\jsaddons", () => {
  expect(read("install-windows.bat")).toContain('-File "%~dp0install-windows.ps1"');
  const ps1 = fs.readFileSync(path.join(out, "install-windows.ps1"), "utf8");
  expect(ps1.startsWith("\ufeff")).toBe(true);
  expect(ps1).toContain("Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons'");
  expect(ps1).toContain(`$entry = '${pkg.publishEntry(VERSION)}'`);
});

describe("publish.html asks the local WPS service to install from its own server folder", () => {
  function runPage(responses: ({ status: number; body: string } | "error")[]) {
    const html = read("web/publish.html");
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    const sent: { method: string; url: string; body: string }[] = [];
    const status = { textContent: "" };
    const visited: string[] = [];
    const pending: (() => void)[] = [];
    class FakeXhr {
      status = 0;
      responseText = "";
      timeout = 0;
      onload?: () => void;
      onerror?: () => void;
      ontimeout?: () => void;
      private method = "";
      private url = "";
      open(method: string, url: string) {
        this.method = method;
        this.url = url;
      }
      send(body: string) {
        sent.push({ method: this.method, url: this.url, body });
        const r = responses.shift() ?? "error";
        if (r === "error") this.onerror?.();
        else {
          this.status = r.status;
          this.responseText = r.body;
          this.onload?.();
        }
      }
    }
    const location = { href: `${SERVER}publish.html` };
    const context: Record<string, unknown> = {
      XMLHttpRequest: FakeXhr,
      document: { getElementById: () => status },
      setTimeout: (f: () => void) => pending.push(f),
      btoa: (s: string) => Buffer.from(s, "latin1").toString("base64"),
      unescape,
      encodeURIComponent,
      JSON,
      String,
    };
    context.window = {
      get location() {
        return {
          get href() {
            return location.href;
          },
          set href(v: string) {
            visited.push(v);
          },
        };
      },
    };
    vm.createContext(context);
    vm.runInContext(script, context);
    const decoded = () => sent.map((s) => ({ ...s, body: JSON.parse(Buffer.from(s.body, "base64").toString("utf8")) }));
    return { context, sent, decoded, status, visited, pending };
  }

  test("安装 sends enable with the 7z next to the page, offline", () => {
    const page = runPage([{ status: 200, body: "OK" }]);
    (page.context.deploy as (c: string, o: boolean) => void)("enable", false);
    expect(page.decoded()).toEqual([
      {
        method: "POST",
        url: "http://127.0.0.1:58890/deployaddons/runParams",
        body: { cmd: "enable", name: "kaohe", url: `${SERVER}kaohe.7z`, addonType: "et", online: "false", version: VERSION, customDomain: "" },
      },
    ]);
    expect(page.status.textContent).toContain("已安装考核助手 0.1.0");
  });

  test("在线加载 points at the add-in folder; a WPS that is not running is started and asked again", () => {
    const page = runPage(["error", { status: 200, body: "" }]);
    (page.context.deploy as (c: string, o: boolean) => void)("enable", true);
    expect(page.visited).toEqual(["ksoWPSCloudSvr://start=RelayHttpServer"]);
    page.pending.shift()!();
    const calls = page.decoded();
    expect(calls).toHaveLength(2);
    expect(calls[1].body).toMatchObject({ url: `${SERVER}kaohe_0.1.0/`, online: "true" });
    expect(page.status.textContent).toContain("已安装");
  });

  test("no WPS at all: the service is started once, and a clear message after three more tries", () => {
    const page = runPage([]);
    (page.context.deploy as (c: string, o: boolean) => void)("enable", false);
    while (page.pending.length) page.pending.shift()!();
    expect(page.sent).toHaveLength(4);
    expect(page.visited).toEqual(["ksoWPSCloudSvr://start=RelayHttpServer"]);
    expect(page.status.textContent).toContain("无法连接本机的 WPS");
  });

  test("“Subserver not available.” (a non-200 reply, as wpsjs's publish.html expects it) starts the service once, then retries", () => {
    const notYet = { status: 500, body: JSON.stringify({ data: "Subserver not available." }) };
    const page = runPage([notYet, notYet, { status: 200, body: "OK" }]);
    (page.context.deploy as (c: string, o: boolean) => void)("enable", false);
    while (page.pending.length) page.pending.shift()!();
    expect(page.sent).toHaveLength(3);
    expect(page.visited).toEqual(["ksoWPSCloudSvr://start=RelayHttpServer"]);
    expect(page.status.textContent).toContain("已安装考核助手 0.1.0");
    expect(page.status.textContent).toContain("信任");
  });

  test("any other failure reply is shown as it is, without retrying", () => {
    const page = runPage([{ status: 500, body: JSON.stringify({ data: "bad url" }) }]);
    (page.context.deploy as (c: string, o: boolean) => void)("enable", false);
    expect(page.sent).toHaveLength(1);
    expect(page.visited).toEqual([]);
    expect(page.status.textContent).toContain("WPS 未能完成操作（500");
  });
});

test("clear Chinese errors: no build, a bad server address", () => {
  const empty = tmp("kh-empty-");
  expect(() => pkg.makePackage({ dist: empty, out: tmp("kh-out-"), version: VERSION })).toThrow("请先运行 npm run build:wps");
  expect(() => pkg.makePackage({ dist: wpsBuildDir(), out: tmp("kh-out-"), version: VERSION, server: "10.1.2.3/kaohe" })).toThrow("--server 应是以 / 结尾的 http(s) 地址");
});

test("the package script is wired to npm run package:wps", () => {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
  expect(scripts["build:wps"]).toContain("webpack.wps.config.js");
  expect(scripts["package:wps"]).toContain("scripts/package-wps.js");
});
