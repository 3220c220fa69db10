/** 校验码: SHA-256 against Node's, the canonical form as the README documents it, and 核验 of changed records. */
import { createHash } from "crypto";
import fc from "fast-check";
import { sha256Hex } from "../../../src/core/check/sha256";
import { canonicalRecord, cellText, checkCode, codeLine, readCodeLine } from "../../../src/core/check/check-code";
import { verifyBulletin, verifyDrawLog } from "../../../src/core/check/verify-records";
import { utf8Bytes } from "../../../src/core/draw";
import { drawLogSheet } from "../../../src/core/sheets/draw-log-sheet";

const nodeSha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it("gives FIPS 180-4's digests of '', 'abc' and the two-block message", () => {
    expect(sha256Hex(utf8Bytes(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex(utf8Bytes("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex(utf8Bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
  });

  it("agrees with Node's crypto on any text, Chinese included, at every length around the block edges", () => {
    for (let n = 50; n < 140; n++)
      expect(sha256Hex(utf8Bytes("考".repeat(n % 7) + "a".repeat(n)))).toBe(nodeSha("考".repeat(n % 7) + "a".repeat(n)));
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => sha256Hex(utf8Bytes(s)) === nodeSha(s)));
  });
});

describe("the canonical form", () => {
  it("writes cells as the README says", () => {
    expect([null, undefined, "", 12, 0.1 + 0.2, -0, true, false, 1e-7].map(cellText)).toEqual([
      "",
      "",
      "",
      "12",
      "0.3",
      "0",
      "TRUE",
      "FALSE",
      "1e-7",
    ]);
    expect(cellText("甲\t乙\r\n丙\\")).toBe("甲\\t乙\\n丙\\\\");
    expect(canonicalRecord([["a", null, ""], [], ["", 2], [], [null]])).toBe("a\n\n\t2");
  });

  it("is the first 16 hex of SHA-256 over the UTF-8 text, and a number and its digits as text agree", () => {
    const rows = [["第1次调度通报"], [1, "牛颈村", 0.725]];
    expect(checkCode(rows)).toBe(nodeSha("第1次调度通报\n1\t牛颈村\t0.725").slice(0, 16));
    expect(checkCode([["20251122"]])).toBe(checkCode([[20251122]]));
    // Excel keeps 15 significant digits: a value read back so rounded gives the same code.
    expect(checkCode([[2 / 3]])).toBe(checkCode([[0.666666666666667]]));
  });

  it("reads the code back from its line", () => {
    expect(readCodeLine(codeLine("0123456789abcdef"))).toBe("0123456789abcdef");
    expect(readCodeLine("校验码:0123456789ABCDEF")).toBe("0123456789abcdef");
    expect(readCodeLine("校验码：0123")).toBeUndefined();
  });
});

describe("核验 of records", () => {
  const sheet = [["标题"], ["生成时间"], [], ["名次", "单位"], [1, "甲"], [2, "乙"]];
  const withCode = [...sheet, [], [codeLine(checkCode(sheet))]];

  it("finds a bulletin intact, and changed when any cell above its code changed", () => {
    expect(verifyBulletin("第1次调度通报", withCode)[0].status).toBe("intact");
    const edited = withCode.map((r) => [...r]);
    edited[5][1] = "丙";
    const [check] = verifyBulletin("第1次调度通报", edited);
    expect(check).toMatchObject({
      record: "第1次调度通报",
      status: "changed",
      written: checkCode(sheet),
      computed: checkCode(edited.slice(0, 7)),
    });
    expect(verifyBulletin("x", sheet)[0].status).toBe("noCode");
  });

  it("checks every 抽签记录 row by itself, naming the changed row", () => {
    const row = (seed: string) =>
      drawLogSheet({ items: ["甲", "乙", "丙"], n: 1, seed, result: ["甲"], now: "2025-11-22T10:30:00+08:00" }).cells.map((r) =>
        r.map((c) => c.value)
      );
    const [header, first] = row("1");
    const second = row("2")[1];
    const log = [header, first, [...second]];
    expect(verifyDrawLog("抽签记录", log).map((c) => c.status)).toEqual(["intact", "intact"]);
    log[2][6] = "乙";
    const checks = verifyDrawLog("抽签记录", log);
    expect(checks.map((c) => c.status)).toEqual(["intact", "changed"]);
    expect(checks[1].record).toBe("抽签记录 第3行（2025-11-22 10:30）");
  });
});
