import { detectHost } from "../../src/hosts/detect";
import { wpsApplication } from "../../src/hosts/wps/wps-host";

describe("detectHost", () => {
  const excel = { context: { host: "Excel" }, HostType: { Excel: "Excel", Word: "Word" } };

  test("WPS: the ET Application (or wps) global is present", () => {
    expect(detectHost({ Application: { ActiveWorkbook: null } })).toBe("wps");
    expect(detectHost({ wps: { ActiveWorkbook: null } })).toBe("wps");
    expect(detectHost({ Application: {}, Office: excel })).toBe("wps");
  });

  test("Excel: Office.context.host is Excel", () => {
    expect(detectHost({ Office: excel })).toBe("excel");
  });

  test("anything else is the in-memory playground", () => {
    expect(detectHost({})).toBe("memory");
    expect(detectHost({ Office: { context: { host: "Word" }, HostType: { Excel: "Excel" } } })).toBe("memory");
    expect(detectHost({ Office: { context: {} } })).toBe("memory");
    const throwing = { get context(): unknown { throw new Error("not ready"); } };
    expect(detectHost({ Office: throwing })).toBe("memory");
  });

  test("the default scope is the global one (jest's node has neither)", () => {
    expect(detectHost()).toBe("memory");
  });

  test("wpsApplication finds the Application the add-in page is given", () => {
    const app = { ActiveWorkbook: null };
    expect(wpsApplication({ Application: app })).toBe(app);
    expect(wpsApplication({ wps: app })).toBe(app);
    expect(wpsApplication({})).toBeUndefined();
  });
});

describe("wpsHost", () => {
  test("a WpsHost on the page's Application inside WPS, nothing elsewhere", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { wpsHost } = require("../../src/hosts/wps") as typeof import("../../src/hosts/wps");
    expect(wpsHost()).toBeUndefined();
    const g = globalThis as Record<string, unknown>;
    g.Application = { ActiveWorkbook: null };
    try {
      expect(wpsHost()?.kind).toBe("wps");
    } finally {
      delete g.Application;
    }
  });
});
