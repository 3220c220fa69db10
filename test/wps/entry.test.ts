/**
 * The built WPS entry (main.js) in a fake WPS page: all 17 functions registered under KH with Chinese metadata,
 * computing SPEC §2.3's examples when called as WPS calls them (ranges as 2-D arrays, an omitted argument as
 * undefined or missing, errors thrown with their code), and the ribbon callbacks of ribbon.xml present and working.
 */
import { XMLParser } from "fast-xml-parser";
import { readBuild } from "./built-addin";
import { ADDIN_URL, fakeWps } from "./fake-wps";

const FUNCTION_NAMES = [
  "VETO", "STAGEPCT", "STAGEGAP", "RANKIN", "RANKBONUS", "TIER", "TARGETSCORE", "LIMITSCORE", "EFFICACY",
  "ADJUST", "BLEND", "VOTESCORE", "LAGSTREAK", "AWARD", "DRAW", "LEADERBOARD", "PERFPAY",
];

let files: Map<string, Buffer>;
beforeAll(() => {
  files = readBuild();
}, 120_000);

function loaded(options?: { customFunctions?: boolean }) {
  const page = fakeWps(options);
  page.run(files.get("main.js")!.toString("utf8"));
  return page;
}

/** A call's thrown error message, or a failure when it returns. */
function thrown(call: () => unknown): string {
  try {
    const v = call();
    throw new Error(`expected an error, got ${JSON.stringify(v)}`);
  } catch (e) {
    return (e as Error).message;
  }
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
const col = (...xs: unknown[]) => xs.map((x) => [x]);

describe("the built entry registers the KH functions", () => {
  test("all 17, under KH, with Chinese descriptions and typed parameters", () => {
    const page = loaded();
    expect(page.registered.map((r) => r.namespace)).toEqual(FUNCTION_NAMES.map(() => "KH"));
    expect(page.registered.map((r) => r.name).sort()).toEqual([...FUNCTION_NAMES].sort());
    for (const r of page.registered) {
      expect(r.metadata?.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of r.metadata!.parameters) {
        expect(p.description).toMatch(/[\u4e00-\u9fff]/);
        expect(p.type).toMatch(/^(any|number|string|bool)(\[\]\[\])?\??$/);
      }
    }
    const veto = page.registered.find((r) => r.name === "VETO")!.metadata!;
    expect(veto.parameters.map((p) => [p.name, p.type])).toEqual([
      ["score", "any"],
      ["flags", "any[][]"],
      ["vetoed_score", "any?"],
    ]);
    expect(page.registered.find((r) => r.name === "LEADERBOARD")!.metadata!.result.type).toBe("any[][]");
    expect(page.warnings).toEqual([]);
  });

  test("a WPS before 12.1.0.20540 (no AddCustomFunction) loads the ribbon and warns once", () => {
    const page = loaded({ customFunctions: false });
    expect(page.registered).toEqual([]);
    expect(typeof page.context.OnAction).toBe("function");
    expect(String(page.warnings[0]?.[0])).toContain("12.1.0.20540");
  });
});

describe("SPEC §2.3 examples, called as WPS calls them", () => {
  let page: ReturnType<typeof loaded>;
  beforeAll(() => {
    page = loaded();
  });
  const KH = (name: string, ...args: unknown[]) => plain(page.call(name, ...args));
  const one = (v: unknown) => (Array.isArray(v) ? v[0][0] : v);
  const scores = col(90, 85, 85, 70);

  test("VETO", () => {
    expect(KH("VETO", 92, "否")).toBe(92);
    expect(KH("VETO", 92, "是")).toBe(0);
    expect(KH("VETO", 92, [["否", "√"]], 59)).toBe(59);
    expect(thrown(() => page.call("VETO", 92, "大概"))).toMatch(/^#VALUE! .*大概/);
  });

  test("STAGEPCT and STAGEGAP, optional arguments left out", () => {
    expect(KH("STAGEPCT", 40, 100)).toBe(0.4);
    expect(KH("STAGEPCT", 40, 100, undefined, undefined)).toBe(0.4);
    expect(KH("STAGEPCT", 40, 100, 2)).toBeCloseTo(0.8, 12);
    expect(thrown(() => page.call("STAGEPCT", 40, 100, 6))).toMatch(/^#VALUE! /);
    expect(thrown(() => page.call("STAGEPCT", 1, 0))).toMatch(/^#DIV\/0! /);
    expect(KH("STAGEGAP", 40, 100, 3)).toBe(30);
    expect(KH("STAGEGAP", 75, 100, 3)).toBe(0);
    expect(KH("STAGEGAP", 0, 7, 1)).toBe(3);
  });

  test("RANKIN and RANKBONUS, also lifted over a range", () => {
    expect(one(KH("RANKIN", 85, scores))).toBe(2);
    expect(one(KH("RANKIN", 70, scores))).toBe(4);
    expect(one(KH("RANKIN", 70, scores, 0, true))).toBe(3);
    expect(one(KH("RANKIN", 70, scores, 1))).toBe(1);
    expect(KH("RANKIN", scores, scores)).toEqual(col(1, 2, 2, 4));
    const tiers = [
      [1, 1000],
      [3, 500],
      [-1, -200],
    ];
    expect(KH("RANKBONUS", scores, scores, tiers)).toEqual(col(1000, 500, 500, -200));
    // an entry not among the scores is #N/A inside the array: WPS gets the code as text
    expect(KH("RANKIN", col(85, 55), scores)).toEqual(col(2, "#N/A"));
  });

  test("TIER, TARGETSCORE, LIMITSCORE, EFFICACY", () => {
    expect(KH("TIER", 0.92, [[0.91, 1000]])).toBe(1000);
    expect(KH("TIER", 0.9, [[0.91, 1000]])).toBe(0);
    expect(KH("TIER", 85, [[90, "优秀"], [80, "良好"], [60, "合格"], [0, "不合格"]])).toBe("良好");
    expect(KH("TARGETSCORE", 95, 100, 20)).toBe(19);
    expect(KH("TARGETSCORE", 130, 100, 20, 1.2)).toBe(24);
    expect(KH("TARGETSCORE", -5, 100, 20)).toBe(0);
    expect(KH("LIMITSCORE", 15, 14, 10)).toBeCloseTo(9.3333333333, 9);
    expect(KH("LIMITSCORE", 16.5, 14, 10, 1, 2)).toBe(4);
    expect(KH("LIMITSCORE", 13, 14, 10)).toBe(10);
    expect(KH("EFFICACY", 9, 6, 12)).toBeCloseTo(80, 9);
    expect(KH("EFFICACY", 5.81, 6, 12)).toBeCloseTo(58.7333333333, 9);
    expect(KH("EFFICACY", 15, 12, 6)).toBeCloseTo(40, 9);
    expect(KH("EFFICACY", 30, 12, 6)).toBe(0);
    expect(KH("EFFICACY", 3, 12, 6)).toBe(100);
  });

  test("ADJUST with an argument left empty, BLEND, VOTESCORE, LAGSTREAK", () => {
    expect(KH("ADJUST", 80, [[2, 3]], [[-1, 4]], 4)).toBe(79);
    expect(KH("ADJUST", 80, undefined, [[30, 40]])).toBe(10);
    expect(KH("BLEND", [[80, null, 90]], 70, 0.4)).toBeCloseTo(76, 9);
    expect(KH("BLEND", [[null, null]], 70, 0.4)).toBe(70);
    expect(KH("VOTESCORE", [[8, 2, 0]])).toBeCloseTo(92, 9);
    expect(KH("VOTESCORE", [[5, 3, 2]], [[1, 0.8, 0.5]], 10)).toBeCloseTo(8.4, 9);
    expect(KH("LAGSTREAK", [[30, 5, 31, null, 32, 30]], 32, 3)).toBe(3);
  });

  test("AWARD, DRAW, LEADERBOARD, PERFPAY", () => {
    const table = [
      ["一等奖", 1, 90],
      ["二等奖", 2, 80],
    ];
    expect(KH("AWARD", col(95, 88, 88, 85, 79), col(95, 88, 88, 85, 79), table)).toEqual(col("一等奖", "二等奖", "二等奖", "", ""));
    const drawn = KH("DRAW", col("甲", "乙", "丙", "丁"), 2, 20251122) as unknown[][];
    expect(drawn).toHaveLength(2);
    expect(new Set(drawn.map((r) => r[0])).size).toBe(2);
    expect(KH("DRAW", col("甲", "乙", "丙", "丁"), 2, 20251122)).toEqual(drawn);
    const board = KH("LEADERBOARD", col("牛颈村", "西牛村", "麻竹村", "黄塘村"), scores, 1, 1) as unknown[][];
    expect(board.map((r) => r[1])).toEqual(["牛颈村", "西牛村", "麻竹村", "黄塘村"]);
    expect(board.map((r) => r[3])).toEqual(["龙榜", "", "", "虎榜"]);
    expect(KH("PERFPAY", 85, 2000)).toBe(1700);
    expect(KH("PERFPAY", 55, 2000, 100, 60)).toBe(0);
  });

  test("a flat array (a build that passes one row as a list) is read as a row", () => {
    expect(KH("VETO", 92, ["否", "√"], 59)).toBe(59);
    expect(KH("VOTESCORE", [8, 2, 0])).toBeCloseTo(92, 9);
  });
});

describe("ribbon.xml and its callbacks", () => {
  const xml = () => files.get("ribbon.xml")!.toString("utf8");

  test("ribbon.xml parses, has no XML declaration, a 考核助手 tab and button", () => {
    expect(xml().trimStart().startsWith("<customUI")).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml());
    const tab = doc.customUI.ribbon.tabs.tab;
    expect(tab.label).toBe("考核助手");
    const buttons = [tab.group.button].flat();
    expect(buttons.map((b: { label: string }) => b.label)).toContain("考核助手");
  });

  test("every callback ribbon.xml names exists in the entry script and is not async", () => {
    const names = [...new Set([...xml().matchAll(/\b(?:onLoad|onAction|getImage|getEnabled|getVisible|getLabel)="([^"]+)"/g)].map((m) => m[1]))];
    expect(names.sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad", "OnGetEnabled", "OnGetVisible"]);
    const page = loaded();
    for (const name of names) {
      const fn = page.context[name] as (...a: unknown[]) => unknown;
      expect(typeof fn).toBe("function");
      expect(fn.constructor.name).toBe("Function");
      expect((page.context.ribbon as Record<string, unknown>)[name]).toBe(fn);
    }
  });

  test("the callbacks open and toggle the task pane and show the help, from the add-in folder", () => {
    const page = loaded();
    const cb = page.context as Record<string, (...a: unknown[]) => unknown>;
    const ribbonUI = { Invalidate() {} };
    expect(cb.OnAddinLoad(ribbonUI)).toBe(true);
    expect(page.root.ribbonUI).toBe(ribbonUI);
    const folder = ADDIN_URL.replace("index.html", "");
    expect(cb.GetImage({ Id: "khOpenPane" })).toBe("images/kaohe.svg");
    expect(files.has("images/kaohe.svg") && files.has("images/help.svg")).toBe(true);
    expect(cb.OnGetEnabled({ Id: "khOpenPane" })).toBe(true);

    cb.OnAction({ Id: "khOpenPane" });
    expect(page.panes).toEqual([{ ID: 1000, url: `${folder}taskpane.html`, title: "考核助手", Visible: true, DockPosition: 2 }]);
    cb.OnAction({ Id: "khOpenPane" });
    expect(page.panes[0].Visible).toBe(false);
    cb.OnAction({ Id: "khOpenPane" });
    expect(page.panes).toHaveLength(1);
    expect(page.panes[0].Visible).toBe(true);

    cb.OnAction({ Id: "khHelp" });
    expect(page.dialogs).toEqual([{ url: `${folder}help.html`, title: "考核助手 · 函数说明" }]);
    expect(files.has("taskpane.html") && files.has("help.html") && files.has("taskpane.js")).toBe(true);
  });

  test("the entry page loads main.js as a classic script; the pane page has no office.js", () => {
    const index = files.get("index.html")!.toString("utf8");
    expect(index).toMatch(/<script src=main\.js/);
    expect(index).not.toMatch(/type=module|defer|async/);
    const pane = files.get("taskpane.html")!.toString("utf8");
    expect(pane).toMatch(/taskpane\.js/);
    expect(pane).not.toMatch(/office\.js/i);
  });
});
