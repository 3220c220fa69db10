"""An independent reader's look at an .xlsx (Python's zipfile and xml.etree, not Node): every entry's CRC, every
XML part parses, every relationship target exists, every part has a content type, and the cells of each sheet
are listed (sheet name -> {ref: [type, value, formula]}) as JSON on stdout, problems as lines on stderr."""
import json
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

problems = []
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
if bad:
    problems.append("bad CRC: " + bad)
names = [n for n in z.namelist() if not n.endswith("/")]
trees = {}
for n in names:
    if n.endswith(".xml") or n.endswith(".rels"):
        try:
            trees[n] = ET.fromstring(z.read(n))
        except ET.ParseError as e:
            problems.append("%s: %s" % (n, e))

types = trees.get("[Content_Types].xml")
defaults = {d.get("Extension").lower() for d in types.iter(TYPES + "Default")}
overrides = {o.get("PartName").lstrip("/") for o in types.iter(TYPES + "Override")}
for n in names:
    if n != "[Content_Types].xml" and n not in overrides and n.rsplit(".", 1)[-1].lower() not in defaults:
        problems.append("no content type: " + n)

for n, tree in trees.items():
    if not n.endswith(".rels"):
        continue
    base = posixpath.dirname(posixpath.dirname(n))
    for rel in tree.iter(PKG + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        t = rel.get("Target")
        path = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join(base, t))
        if path not in names:
            problems.append("%s: %s -> missing %s" % (n, rel.get("Id"), path))

def item_text(item):
    """A string item's text: its own <t> and its runs' <t>, not the phonetic guides (<rPh>)."""
    own = item.findall(MAIN + "t") + item.findall(MAIN + "r/" + MAIN + "t")
    return "".join(t.text or "" for t in own)


strings = []
if "xl/sharedStrings.xml" in trees:
    for si in trees["xl/sharedStrings.xml"].iter(MAIN + "si"):
        strings.append(item_text(si))

rels = {r.get("Id"): r.get("Target") for r in trees["xl/_rels/workbook.xml.rels"].iter(PKG + "Relationship")}
out = {}
for sheet in trees["xl/workbook.xml"].iter(MAIN + "sheet"):
    target = rels[sheet.get(R + "id")]
    path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    cells = {}
    for c in trees[path].iter(MAIN + "c"):
        t = c.get("t", "n")
        v = c.find(MAIN + "v")
        f = c.find(MAIN + "f")
        if t == "inlineStr":
            value = item_text(c.find(MAIN + "is"))
        elif t == "s" and v is not None:
            value = strings[int(v.text)]
        else:
            value = v.text if v is not None else None
        cells[c.get("r")] = [t, value, None if f is None else (f.text or "", f.get("t"), f.get("si"), f.get("ref"))]
    out[sheet.get("name")] = {"state": sheet.get("state"), "cells": cells}

for p in problems:
    print(p, file=sys.stderr)
json.dump(out, sys.stdout, ensure_ascii=False)
