/**
 * A look at an .xlsx file's bytes before exceljs parses it: is it a zip at all, an old .xls (or an encrypted
 * workbook, which is an OLE file too), and which of its parts exceljs would not carry over into the file it saves.
 * Reads only the zip's central directory, so it costs nothing; no Node APIs.
 */

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE compound file: an .xls of Excel 97–2003, or an .xlsx saved with a password. */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The names of the files inside a zip, from its central directory; undefined when the directory is unreadable. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const utf8 = new TextDecoder("utf-8");
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * Parts of a workbook exceljs does not write back, named for a clerk. (A save through the exceljs model drops
 * them; the command line's save patches the package and keeps them — see xlsx-package.)
 */
const UNKEPT: [RegExp, string][] = [
  [/^xl\/charts\//, "图表"],
  [/^xl\/(pivotTables|pivotCache)\//, "数据透视表"],
  [/^xl\/vbaProject\.bin$/, "宏（VBA）"],
  [/^xl\/slicers?\w*\//, "切片器"],
  [/^xl\/ctrlProps\//, "表单控件"],
  [/^xl\/externalLinks\//, "外部链接"],
];

/** Which of those the workbook holds, e.g. ["图表", "宏（VBA）"]. */
export function unkeptParts(names: readonly string[]): string[] {
  return UNKEPT.filter(([pattern]) => names.some((n) => pattern.test(n))).map(([, label]) => label);
}
