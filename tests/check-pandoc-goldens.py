#!/usr/bin/env python3
"""check-pandoc-goldens.py BIN [CORPUS] — compare our plain text with pandoc's goldens.

For each input of CORPUS/pandoc/GOLDEN_MAP.tsv (default ../shared/corpus/third-party)
take the golden that matches our reading (track changes accepted, comments
left out, no citation or style extensions), extract its words (.native: Str
tokens, joined where no Space separates them; command .md: the expected
output after ^D), convert the docx with `BIN -t txt` and compare the word
sequences.  agreement = in-order matched golden words / golden words (a
longest-common-subsequence recall); extra = our words the golden lacks, as a
share of ours (list numbers, note marks and text pandoc drops show up there).
Prints one line per document and the mean; exits 0 (it measures, see
doc/pandoc-goldens.md for every document below 0.98).  Skipped without CORPUS.
"""
import difflib
import html
import os
import re
import subprocess
import sys
import unicodedata

BLOCKS = {"Para", "Plain", "Header", "BulletList", "OrderedList", "Table", "Cell",
          "Row", "Note", "BlockQuote", "Div", "LineBlock", "DefinitionList",
          "Figure", "Caption", "TableHead", "TableBody", "TableFoot", "HorizontalRule"}
SEPS = {"Space", "SoftBreak", "LineBreak"} | BLOCKS

TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|([A-Za-z][A-Za-z0-9_]*)|(.)', re.S)
HS_ESC = re.compile(r'\\(\d+|x[0-9a-fA-F]+|[abfnrtv\\"\'&]|\^[A-Z@\[\\\]^_]|[A-Z]{2,3})')
HS_NAMED = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "\\": "\\", '"': '"', "'": "'", "&": ""}


def hs_unescape(s):
    """Haskell string literal body -> text."""
    def rep(m):
        e = m.group(1)
        if e.isdigit():
            return chr(int(e))
        if e[0] == "x":
            return chr(int(e[1:], 16))
        if e in HS_NAMED:
            return HS_NAMED[e]
        if e == "SP":
            return " "
        return " "
    return HS_ESC.sub(rep, s)


ATTR = re.compile(r'\(\s*"(?:[^"\\]|\\.)*"\s*,\s*\[[^\]]*\]\s*,'
                  r'\s*\[(?:[^\[\]"]|"(?:[^"\\]|\\.)*")*\]\s*\)')
META_KEY = re.compile(r'\(\s*"(\w+)"\s*,\s*Meta')
META_ORDER = ["title", "subtitle", "author", "date", "abstract"]


def inline_text(src):
    """Visible text of pandoc native inlines/blocks: Str, Code, CodeBlock and
    Math strings; Space, breaks, block constructors and list openings that
    follow punctuation separate words."""
    src = ATTR.sub(" ", src)     # attributes ("id",[classes],[(k,v)])
    out = []
    prev = None          # last identifier, reset by a string
    last = ""            # last significant token kind: "id", "str" or the char
    for m in TOKEN.finditer(src):
        string, ident, ch = m.group(1), m.group(2), m.group(3)
        if ident is not None:
            prev = ident
            last = "id"
            if ident in SEPS or ident.startswith("Meta"):
                out.append(" ")
            continue
        if string is not None:
            if prev in ("Str", "Code", "RawInline"):
                out.append(hs_unescape(string))
            elif prev in ("CodeBlock", "InlineMath", "DisplayMath"):
                out.append(" " + hs_unescape(string) + " ")
            prev = None
            last = "str"
            continue
        if ch.isspace():
            continue
        if ch in "[(" and last in ("[", "(", ","):
            out.append(" ")
        last = ch
    return "".join(out)


def native_text(src):
    """Visible text of a pandoc native document; metadata first in the order
    a title page shows it (title, subtitle, author, date, abstract)."""
    m = re.match(r"\s*Pandoc\s*\(?\s*Meta\s*\{", src)
    if not m:
        return inline_text(src)
    depth, i = 1, m.end()
    while i < len(src) and depth:
        depth += {"{": 1, "}": -1}.get(src[i], 0)
        i += 1
    meta, body = src[m.end():i - 1], src[i:]
    keys = list(META_KEY.finditer(meta))
    parts = {}
    for k, km in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(meta)
        parts[km.group(1)] = inline_text(meta[km.end() - 4:end])
    order = [k for k in META_ORDER if k in parts] + sorted(k for k in parts if k not in META_ORDER)
    return " ".join(parts[k] for k in order) + " " + inline_text(body)


def command_text(src):
    """Expected output of a pandoc command test (after ^D, up to ```)."""
    m = re.search(r"\n\^D\n(.*?)\n```", src, re.S)
    body = m.group(1) if m else src
    first = re.search(r"^```\s*\n%\s*(.*)$", src, re.M)
    cmd = first.group(1) if first else ""
    if "-t native" in cmd or body.lstrip().startswith("["):
        return native_text(body)
    if "-t html" in cmd or "-t" not in cmd.split():     # pandoc's default: html
        body = re.sub(r"<[^>]*>", " ", body)
        return html.unescape(body)
    return body


def words(text):
    text = unicodedata.normalize("NFKC", text).lower()
    return re.findall(r"\w+", text)


def choose(rows):
    """One golden per input: the row whose options match our reading."""
    best = {}
    for inp, golden, cli in rows:
        bad = 0
        if re.search(r"track-changes=(reject|all)", cli) and "comments" not in golden:
            bad += 2
        if "+citations" in cli or "+styles" in cli:
            bad += 1
        if golden.endswith("_reject.native") or golden.endswith("_all.native"):
            bad += 2
        if golden.endswith("comments.native"):
            bad += 2
        key = inp
        if key not in best or bad < best[key][0]:
            best[key] = (bad, golden)
    return [(inp, best[inp][1]) for inp in sorted(best)]


def our_words(binary, path):
    r = subprocess.run([binary, "-t", "txt", path], capture_output=True)
    if r.returncode != 0:
        return None, r.stderr.decode("utf-8", "replace").strip()
    return words(r.stdout.decode("utf-8", "replace")), ""


def lcs(a, b):
    """Length of the longest common subsequence (exact for up to 4M cells,
    difflib's matching blocks beyond)."""
    if len(a) * len(b) > 4000000:
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return sum(x.size for x in sm.get_matching_blocks())
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def agreement(gold, ours):
    matched = lcs(gold, ours)
    rec = matched / len(gold) if gold else (1.0 if not ours else 0.0)
    extra = (len(ours) - matched) / len(ours) if ours else 0.0
    return rec, extra


def main():
    if len(sys.argv) < 2:
        print("usage: check-pandoc-goldens.py BIN [CORPUS]", file=sys.stderr)
        return 2
    binary = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else "../shared/corpus/third-party"
    base = os.path.join(corpus, "pandoc")
    gmap = os.path.join(base, "GOLDEN_MAP.tsv")
    if not os.path.isfile(gmap):
        print("check-pandoc: %s not present, skipped" % gmap)
        return 0
    rows = []
    with open(gmap, encoding="utf-8") as f:
        for i, line in enumerate(f):
            cols = line.rstrip("\n").split("\t")
            if i == 0 or len(cols) < 4:
                continue
            rows.append((cols[0], cols[1], cols[3]))
    scores = []
    verbose = os.environ.get("VERBOSE")
    for inp, golden in choose(rows):
        with open(os.path.join(base, golden), encoding="utf-8") as f:
            src = f.read()
        text = native_text(src) if golden.endswith(".native") else command_text(src)
        gold = words(text)
        ours, err = our_words(binary, os.path.join(base, inp))
        if ours is None:
            print("%-45s FAIL %s" % (inp, err))
            scores.append(0.0)
            continue
        rec, extra = agreement(gold, ours)
        scores.append(rec)
        flag = "  <0.98" if rec < 0.98 else ""
        print("%-45s agreement %.3f  extra %.3f  (%d golden words)%s"
              % (inp, rec, extra, len(gold), flag))
        if verbose and rec < 0.98:
            sm = difflib.SequenceMatcher(None, gold, ours, autojunk=False)
            for op, a1, a2, b1, b2 in sm.get_opcodes():
                if op != "equal":
                    print("    %s golden=%r ours=%r" % (op, gold[a1:a2][:12], ours[b1:b2][:12]))
    mean = sum(scores) / len(scores) if scores else 0.0
    low = sum(1 for s in scores if s < 0.98)
    print("check-pandoc: %d documents, mean agreement %.4f, %d below 0.98"
          % (len(scores), mean, low))
    return 0


if __name__ == "__main__":
    sys.exit(main())
