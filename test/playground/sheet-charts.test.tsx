/**
 * @jest-environment jsdom
 *
 * The playground draws a generated sheet's charts from its cells: one bar per unit (龙榜 red, 虎榜 grey), the
 * requirement as a line on a bulletin.
 */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { SheetCharts } from "../../src/playground/ui/SheetCharts";
import { generateBoard, generateBulletin, saveScheme } from "../../src/app/workflow";
import { CHART_COLOURS } from "../../src/core/sheets/sheet-charts";
import { NOW, pensionHost, pensionScheme, villageHost, villageScheme } from "../app/support";

test("龙虎榜: a chart per group, a bar per unit in the sheet's order and colours", async () => {
  const host = villageHost();
  await generateBoard(host, { scheme: villageScheme(), now: NOW });
  const sheet = host.workbook.sheets.find((s) => s.name === "龙虎榜")!;
  render(<SheetCharts sheet={sheet} />);
  const charts = screen.getAllByRole("img");
  expect(charts.map((c) => c.getAttribute("aria-label"))).toEqual(["行政村总分（龙榜红、虎榜灰）", "社区总分（龙榜红、虎榜灰）"]);
  const bars = within(charts[0]).getAllByTestId("chart-bar");
  const rows = sheet.cells.filter((r) => r?.[2]?.value === "行政村" && typeof r[3]?.value === "number");
  expect(bars.map((b) => b.textContent)).toEqual(rows.map((r) => `${r[1]!.value}：${r[3]!.value}`));
  expect(bars.map((b) => b.getAttribute("fill"))).toEqual(
    rows.map((r) => (r[4]?.value === "龙榜" ? CHART_COLOURS.dragon : r[4]?.value === "虎榜" ? CHART_COLOURS.tiger : CHART_COLOURS.bar))
  );
});

test("第N次调度通报: completion bars and the 应达 line", async () => {
  const host = pensionHost();
  await saveScheme(host, pensionScheme());
  await generateBulletin(host, 2, { now: NOW });
  render(<SheetCharts sheet={host.workbook.sheets.find((s) => s.name === "第2次调度通报")!} />);
  const chart = screen.getByRole("img", { name: "第2次调度完成率与应达进度" });
  expect(within(chart).getAllByTestId("chart-bar")).toHaveLength(32);
  expect(within(chart).getByTestId("chart-line").getAttribute("points")!.split(" ")).toHaveLength(32);
});

test("a sheet without charts draws nothing", () => {
  const { container } = render(<SheetCharts sheet={{ name: "x", cells: [], merges: [], visibility: "visible" }} />);
  expect(container.innerHTML).toBe("");
});
