import { fromFileFormula, toFileFormula } from "../../../src/hosts/xlsx/xlsx-formulas";

describe("formula text in the file", () => {
  it("stores KH.* as Excel stores an Office.js custom function, and reads it back", () => {
    expect(toFileFormula("=KH.RANKIN(B2,B$2:B$9,0,TRUE)")).toBe("_xldudf_KH_RANKIN(B2,B$2:B$9,0,TRUE)");
    expect(toFileFormula("=kh.stagePct(C2, D2, 2)")).toBe("_xldudf_KH_STAGEPCT(C2, D2, 2)");
    expect(fromFileFormula("_xldudf_KH_RANKIN(B2,B$2:B$9)")).toBe("=KH.RANKIN(B2,B$2:B$9)");
  });

  it("prefixes functions newer than Excel 2007 with _xlfn. (and _xlws. for SORT, FILTER), and drops it on reading", () => {
    expect(toFileFormula("=IFS(A1>1,RANK.EQ(A1,A:A),TRUE,MAXIFS(B:B,C:C,\"x\"))")).toBe(
      '_xlfn.IFS(A1>1,_xlfn.RANK.EQ(A1,A:A),TRUE,_xlfn.MAXIFS(B:B,C:C,"x"))'
    );
    expect(toFileFormula("=SORT(A2:A9)")).toBe("_xlfn._xlws.SORT(A2:A9)");
    expect(toFileFormula("=RANK(A1,A:A)+SUMPRODUCT((B2:B9=B2)*(C2:C9>C2))")).toBe("RANK(A1,A:A)+SUMPRODUCT((B2:B9=B2)*(C2:C9>C2))");
    expect(fromFileFormula('_xlfn.IFS(A1>1,_xlfn._xlws.SORT(A1:A2),TRUE,"_xlfn.")')).toBe('=IFS(A1>1,SORT(A1:A2),TRUE,"_xlfn.")');
  });

  it("never rewrites text inside quotes, and is stable when applied twice", () => {
    const typed = '=IF(\'KH.RANKIN(\'!A1="KH.VETO(","RANK.EQ(",KH.VETO(A1,B1))';
    const stored = toFileFormula(typed);
    expect(stored).toBe('IF(\'KH.RANKIN(\'!A1="KH.VETO(","RANK.EQ(",_xldudf_KH_VETO(A1,B1))');
    expect(toFileFormula(stored)).toBe(stored);
    expect(fromFileFormula(stored)).toBe(typed);
  });

  it("maps only the KH namespace back", () => {
    expect(fromFileFormula("_xldudf_CONTOSO_ADD(1,2)+_xldudf_KH_VETO(1,0)")).toBe("=_xldudf_CONTOSO_ADD(1,2)+KH.VETO(1,0)");
  });
});
