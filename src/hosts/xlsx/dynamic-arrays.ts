/**
 * Dynamic-array (spilled) formulas in a file, as Excel saves them: the anchor cell is `<c r="X3" cm="1">` with
 * `<f t="array" ref="X3:X5002">…</f>` and its result, the other cells of the spill range hold only their results,
 * and `cm="1"` points at the first cell-metadata block of xl/metadata.xml, whose XLDAPR future metadata says
 * fDynamic="1" ([MS-XLSX] 2.6.x dynamicArrayProperties; the part below is the one XlsxWriter writes for
 * `write_dynamic_array_formula`, jmcnamara/XlsxWriter xlsxwriter/metadata.py). Without that metadata Excel reads
 * the formula as a legacy CSE array, which does not resize.
 */
export const METADATA_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";
export const METADATA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";

export const DYNAMIC_ARRAY_METADATA =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
  `xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
  `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" ` +
  `pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" ` +
  `coerce="1" cellMeta="1"/></metadataTypes>` +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">` +
  `<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
  `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

/** Whitespace-insensitive: whether a file's metadata part is the one above (ours, from an earlier write). */
export function isOurMetadata(xml: string): boolean {
  const squash = (s: string) => s.replace(/>\s+</g, "><").trim();
  return squash(xml) === squash(DYNAMIC_ARRAY_METADATA);
}
