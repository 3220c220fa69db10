import * as fs from "fs";
import * as path from "path";
import {
  CDN_21VIANET_OFFICE_JS,
  CDN_OFFICE_JS,
  DEFAULT_SUPPORT,
  DEV_URL,
  readBuildOptions,
  readSupport,
  renderServerConfig,
  rewriteManifest,
} from "../../scripts/build-options";

describe("readBuildOptions", () => {
  test("defaults: the dev URL and office.js from Microsoft's CDN", () => {
    expect(readBuildOptions({})).toEqual({ addinUrl: DEV_URL, officeJsUrl: CDN_OFFICE_JS });
    expect(readBuildOptions({ KH_ADDIN_URL: "  ", KH_OFFICE_JS_URL: "" })).toEqual({
      addinUrl: DEV_URL,
      officeJsUrl: CDN_OFFICE_JS,
    });
    expect(CDN_OFFICE_JS).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });

  test("KH_ADDIN_URL: https, normalised to end with a slash", () => {
    expect(readBuildOptions({ KH_ADDIN_URL: "https://oa.example.gov.cn/kaohe" }).addinUrl).toBe(
      "https://oa.example.gov.cn/kaohe/",
    );
    expect(readBuildOptions({ KH_ADDIN_URL: "https://10.1.2.3:8443/" }).addinUrl).toBe("https://10.1.2.3:8443/");
  });

  test("KH_ADDIN_URL that Office could not load is refused with a Chinese message", () => {
    expect(() => readBuildOptions({ KH_ADDIN_URL: "http://oa.example/kaohe/" })).toThrow(/必须以 https:\/\/ 开头/);
    expect(() => readBuildOptions({ KH_ADDIN_URL: "oa.example/kaohe" })).toThrow(/不是有效的网址/);
    expect(() => readBuildOptions({ KH_ADDIN_URL: "https://oa.example/?a=1" })).toThrow(/查询串/);
    expect(() => readBuildOptions({ KH_ADDIN_URL: 'https://oa.example/"x' })).toThrow(/不允许的字符/);
  });

  test("KH_OFFICE_JS_URL: an https URL or a path on the add-in's server", () => {
    expect(readBuildOptions({ KH_OFFICE_JS_URL: "https://intranet.example/office/office.js" }).officeJsUrl).toBe(
      "https://intranet.example/office/office.js",
    );
    expect(readBuildOptions({ KH_OFFICE_JS_URL: "/office-js/office.js" }).officeJsUrl).toBe("/office-js/office.js");
    expect(readBuildOptions({ KH_OFFICE_JS_URL: "office-js/office.js" }).officeJsUrl).toBe("office-js/office.js");
  });

  test("KH_OFFICE_JS_URL=21vianet (or china): the CDN of Microsoft 365 operated by 21Vianet", () => {
    expect(CDN_21VIANET_OFFICE_JS).toBe("https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js");
    for (const preset of ["21vianet", "21Vianet", " china "]) {
      expect(readBuildOptions({ KH_OFFICE_JS_URL: preset }).officeJsUrl).toBe(CDN_21VIANET_OFFICE_JS);
    }
  });

  test("KH_OFFICE_JS_URL over http, protocol-relative or with markup is refused", () => {
    expect(() => readBuildOptions({ KH_OFFICE_JS_URL: "http://intranet.example/office.js" })).toThrow(/https/);
    expect(() => readBuildOptions({ KH_OFFICE_JS_URL: "//intranet.example/office.js" })).toThrow(/https/);
    expect(() => readBuildOptions({ KH_OFFICE_JS_URL: 'office.js"><script>' })).toThrow(/不允许的字符/);
  });
});

describe("rewriteManifest", () => {
  test("replaces every dev URL and nothing else", () => {
    const xml = `<a x="${DEV_URL}taskpane.html"/><b y="${DEV_URL}assets/icon-16.png"/><c>localhost is fine in text</c>`;
    expect(rewriteManifest(xml, "https://p.example/k/")).toBe(
      `<a x="https://p.example/k/taskpane.html"/><b y="https://p.example/k/assets/icon-16.png"/><c>localhost is fine in text</c>`,
    );
    expect(rewriteManifest(xml, DEV_URL)).toBe(xml);
  });
});

describe("server configs (deploy/)", () => {
  const read = (file: string) => fs.readFileSync(path.join(__dirname, "../../deploy", file), "utf8");

  test("IIS web.config: CORS on both functions*.json files, JSON as application/json", () => {
    const text = renderServerConfig(read("web.config"), "https://oa.example.gov.cn/kaohe/");
    expect(text).not.toContain("{{");
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      const at = text.indexOf(`<location path="${file}">`);
      expect(at).toBeGreaterThan(0);
      expect(text.slice(at, text.indexOf("</location>", at))).toContain('<add name="Access-Control-Allow-Origin" value="*" />');
    }
    expect(text).toContain('<mimeMap fileExtension=".json" mimeType="application/json; charset=utf-8" />');
  });

  test("nginx snippet: a location for functions*.json under the add-in's path, with CORS", () => {
    const text = renderServerConfig(read("nginx-kaohe.conf"), "https://oa.example.gov.cn/kao.he/");
    const m = /location ~ (\S+) \{([\s\S]*)$/.exec(text)!;
    const re = new RegExp(m[1]);
    expect(["/kao.he/functions.json", "/kao.he/functions.zh-CN.json"].every((p) => re.test(p))).toBe(true);
    expect(["/kaoxhe/functions.json", "/kao.he/taskpane.js", "/kao.he/functions.js"].some((p) => re.test(p))).toBe(false);
    expect(m[2]).toContain('add_header Access-Control-Allow-Origin "*" always;');
    expect(m[2]).toContain('default_type "application/json; charset=utf-8";');
  });
});

describe("readSupport (help.html's support contact)", () => {
  test("KH_SUPPORT, escaped for HTML; unset, a line naming whom to ask", () => {
    expect(readSupport({ KH_SUPPORT: " 县目标办 张三 0871-1234567 " })).toBe("县目标办 张三 0871-1234567");
    expect(readSupport({ KH_SUPPORT: '<b>"x" & y</b>' })).toBe("&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
    expect(readSupport({})).toBe(DEFAULT_SUPPORT);
    expect(DEFAULT_SUPPORT).toMatch(/联系/);
  });
});
