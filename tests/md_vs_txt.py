#!/usr/bin/env python3
"""md_vs_txt.py MD TXT [MIN] - does the Markdown read like the text output?

Renders MD with `cmark-gfm -e table -e footnotes` (plaintext and HTML) and
compares it with TXT (our own txt output of the same document):

1. word sequence: lower-cased \\w+ tokens of the cmark plaintext against
   those of TXT, difflib ratio >= MIN (default 0.99).  Intentional
   differences are removed first, on both sides alike:
     - the localised "Notes" heading line of the txt notes section;
     - the "[Image: alt]" label word (Markdown gives only the alt text);
     - a URL printed in parentheses after link text, "text (https://...)"
       (Markdown keeps it in the link target, not in the text);
     - a value spanning table columns: Markdown repeats it under each
       column, the text says it once (adjacent equal cells of a pipe-table
       row count once).
   Footnote marks match as they are: cmark prints [^1], txt prints [1].
2. leaks: the text of the HTML rendering (tags stripped, entities decoded)
   must not hold more `\\`, `*`, `_`, `<` or `[^` than TXT does: any surplus
   is Markdown syntax that reached the reader as text.
Prints one line "ratio leaks NAME"; exit 0 when both hold, 1 otherwise.
"""
import difflib
import html
import os
import re
import subprocess
import sys

NOTES = ("Notes", "Notas", "الحواشي", "注释", "Примечания")
IMAGE = ("Image", "Imagen", "صورة", "图片", "Изображение")
URL_IN_PARENS = re.compile(r"\s\((?:https?|ftp|mailto):[^\s()]*\)")
IMAGE_LABEL = re.compile(r"\[(?:%s)(?::\s*|\])" % "|".join(IMAGE))
LEAKS = ("\\", "*", "_", "<", "[^")


def cmark(path, fmt):
    return subprocess.run(
        ["cmark-gfm", "-e", "table", "-e", "footnotes", "-t", fmt],
        input=collapse_spans(path), check=True, capture_output=True).stdout.decode("utf-8")


def collapse_spans(path):
    """The Markdown with adjacent equal cells of each pipe-table row once."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("| ") and line.rstrip("\n").endswith("|"):
                cells = line.rstrip("\n")[1:-1].split(" | ")
                kept = [c for i, c in enumerate(cells) if i == 0 or c.strip() != cells[i - 1].strip()
                        or not c.strip()]
                line = "|" + " | ".join(kept) + "|\n"
            out.append(line)
    return "".join(out).encode("utf-8")


def normalise(text):
    lines = [ln for ln in text.split("\n") if ln.strip() not in NOTES]
    text = "\n".join(lines)
    text = URL_IN_PARENS.sub("", text)
    return IMAGE_LABEL.sub("", text)


def tokens(text):
    return re.findall(r"\w+", normalise(text).lower())


def html_text(path):
    h = cmark(path, "html")
    h = re.sub(r"<[^>]*>", " ", h)
    return html.unescape(h)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: md_vs_txt.py MD TXT [MIN]\n")
        return 2
    md, txt = argv[1], argv[2]
    want = float(argv[3]) if len(argv) > 3 else 0.99
    with open(txt, encoding="utf-8") as f:
        t = f.read()
    a, b = tokens(cmark(md, "plaintext")), tokens(t)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ratio = sm.ratio() if a or b else 1.0
    shown = html_text(md)
    leaks = ["%s+%d" % (s, shown.count(s) - t.count(s))
             for s in LEAKS if shown.count(s) > t.count(s)]
    print("%.4f %s %s" % (ratio, ",".join(leaks) or "-",
                          os.path.basename(md)[:-3]))
    if ratio < want and os.environ.get("MD_VS_TXT_DIFF"):
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != "equal":
                print("  %s md=%r txt=%r" % (op, " ".join(a[i1:i2])[:200],
                                             " ".join(b[j1:j2])[:200]))
    return 0 if ratio >= want and not leaks else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
