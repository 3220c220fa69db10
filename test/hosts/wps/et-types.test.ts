/**
 * src/hosts/wps/et.ts is checked against Kingsoft's et-jsapi-declare typings: compiled as it is, it has no errors;
 * with one member name changed to one Kingsoft does not declare (for each way a member is written), tsc fails
 * there. The same check covers the add-in root (src/wps/wps-addin.ts).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../../..");
const ET = path.join(ROOT, "src/hosts/wps/et.ts");
const ADDIN = path.join(ROOT, "src/wps/wps-addin.ts");

/** tsc's errors for `files`, with the text of some of them replaced. */
function errors(files: string[], replaced: Record<string, string> = {}): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    skipLibCheck: true,
    lib: ["lib.es2020.d.ts"],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => replaced[path.resolve(f)] ?? read(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, onError) => {
    const text = replaced[path.resolve(f)];
    return text !== undefined ? ts.createSourceFile(f, text, lang) : getSourceFile(f, lang, onError);
  };
  const program = ts.createProgram(files, options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(ROOT, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

test("the WPS host's ET interfaces and the add-in root compile against et-jsapi-declare", () => {
  expect(errors([ET, ADDIN])).toEqual([]);
});

test.each([
  ['Decl<Et.Range, "WrapText">', 'Decl<Et.Range, "WrapTxt">'],
  ['As<Et.Range, "Value2", unknown>', 'As<Et.Range, "Valeu2", unknown>'],
  ['Prop<Decl<Et.Worksheet, "Name">>', 'Prop<Decl<Et.Worksheet, "Nmae">>'],
])("a member Kingsoft does not declare fails tsc: %s → %s", (from, to) => {
  const source = fs.readFileSync(ET, "utf8");
  expect(source).toContain(from);
  const found = errors([ET], { [ET]: source.replace(from, to) });
  expect(found).toEqual([expect.stringMatching(/^src\/hosts\/wps\/et\.ts: Type '"\w+"' does not satisfy the constraint/)]);
});

test("so does a wrong name on the add-in root", () => {
  const source = fs.readFileSync(ADDIN, "utf8");
  const found = errors([ADDIN], { [ADDIN]: source.replace('"CreateTaskPane"', '"CreateTaskpane"') });
  expect(found.join("\n")).toMatch(/CreateTaskpane/);
});
