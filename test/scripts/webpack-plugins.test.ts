/** The two small webpack plugins of the add-in build, run by webpack on throw-away fixtures. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import ForbidModulesPlugin from "../../scripts/forbid-modules-plugin";
import LocalizedFunctionsPlugin from "../../scripts/localized-functions-plugin";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kh-webpack-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

function build(plugins: webpack.WebpackPluginInstance[]): Promise<webpack.Stats> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    context: dir,
    entry: "./entry.js",
    output: { path: path.join(dir, "out"), filename: "main.js" },
    plugins,
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => compiler.close(() => (err || !stats ? reject(err) : resolve(stats)))),
  );
}

function errors(stats: webpack.Stats): string[] {
  return stats.compilation.errors.map((e) => e.message);
}

describe("ForbidModulesPlugin", () => {
  beforeEach(() => {
    write("node_modules/hyperformula/package.json", JSON.stringify({ name: "hyperformula", main: "index.js" }));
    write("node_modules/hyperformula/index.js", "module.exports = { HyperFormula: 1 };");
    write("node_modules/hyperformula-lookalike/package.json", JSON.stringify({ name: "hyperformula-lookalike" }));
    write("node_modules/hyperformula-lookalike/index.js", "module.exports = 2;");
  });

  test("fails the build when a forbidden package is bundled, naming who imported it", async () => {
    write("entry.js", 'import { HyperFormula } from "hyperformula";\nconsole.log(HyperFormula);\n');
    const messages = errors(await build([new ForbidModulesPlugin({ packages: ["hyperformula"] })]));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/node_modules[\\/]hyperformula[\\/]index\.js must not be bundled/);
    expect(messages[0]).toContain(path.join(dir, "entry.js"));
  });

  test("lets everything else through, including a package whose name merely starts the same", async () => {
    write("entry.js", 'import x from "hyperformula-lookalike";\nconsole.log(x);\n');
    const stats = await build([new ForbidModulesPlugin({ packages: ["hyperformula"] })]);
    expect(errors(stats)).toEqual([]);
    expect(fs.existsSync(path.join(dir, "out", "main.js"))).toBe(true);
  });
});

describe("LocalizedFunctionsPlugin", () => {
  const english = { functions: [{ id: "VETO", name: "VETO", description: "Veto.", parameters: [{ name: "score" }] }] };

  /** Stands in for CustomFunctionsMetadataPlugin: puts functions.json among the assets before ours runs. */
  const metadata: webpack.WebpackPluginInstance = {
    apply(compiler: webpack.Compiler) {
      compiler.hooks.thisCompilation.tap("FakeMetadata", (compilation) => {
        compilation.hooks.processAssets.tap(
          { name: "FakeMetadata", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL - 1 },
          () => compilation.emitAsset("functions.json", new webpack.sources.RawSource(JSON.stringify(english))),
        );
      });
    },
  };

  const plugin = () =>
    new LocalizedFunctionsPlugin({
      source: "functions.json",
      output: "functions.zh-CN.json",
      localizer: path.join(dir, "localize.js"),
      descriptions: path.join(dir, "zh.json"),
    });

  beforeEach(() => {
    write("entry.js", "console.log(1);\n");
    write(
      "localize.js",
      "exports.localize = (j, t) => ({ functions: j.functions.map((f) => ({ ...f, description: t[f.id] })) });\n",
    );
  });

  test("emits the localized metadata next to functions.json", async () => {
    write("zh.json", JSON.stringify({ VETO: "一票否决。" }));
    const stats = await build([metadata, plugin()]);
    expect(errors(stats)).toEqual([]);
    const zh = JSON.parse(fs.readFileSync(path.join(dir, "out", "functions.zh-CN.json"), "utf8"));
    expect(zh).toEqual({ functions: [{ ...english.functions[0], description: "一票否决。" }] });
    expect(stats.compilation.fileDependencies.has(path.join(dir, "zh.json"))).toBe(true);
  });

  test("a missing translation table is a build error, not a silent English-only build", async () => {
    const stats = await build([metadata, plugin()]);
    expect(errors(stats).join("\n")).toMatch(/zh\.json is missing/);
    expect(fs.existsSync(path.join(dir, "out", "functions.zh-CN.json"))).toBe(false);
  });

  test("an error thrown by the localizer fails the build with its message", async () => {
    write("zh.json", "{}");
    write("localize.js", 'exports.localize = () => { throw new Error("函数 VETO 缺少中文说明"); };\n');
    const stats = await build([metadata, plugin()]);
    expect(errors(stats).join("\n")).toContain("could not make functions.zh-CN.json: 函数 VETO 缺少中文说明");
  });

  test("without functions.json there is nothing to localize: a build error", async () => {
    write("zh.json", "{}");
    const stats = await build([plugin()]);
    expect(errors(stats).join("\n")).toContain("functions.json was not generated");
  });
});
