#!/usr/bin/env python3
"""truth2council.py - convert a TRUTH JSON (itu-truth/1, see
/work/shared/tools/TRUTH.md) into council XML (doc/council-xml.md).

A development tool: it lets the stylesheets in xslt/ be tested in isolation
from the C pipeline (truth -> council XML -> xsltproc -> score.py).

usage: truth2council.py TRUTH.json [-o OUT.xml]

Rules:
* meta: fields are kept only when the docx body shows them, i.e. when they
  occur in render.front (corpus copies); the title is always kept.
* lead-in headings (role "leadin") and the paragraphs under them become
  summary/purpose|action|references; rule blocks are dropped.
* headings nest into section elements by level; role "annex" opens an annex.
* lists, tables (the first `header` rows are header rows), notes in place,
  links (adjacent inlines with the same href form one link), b/i.
"""
import argparse
import json
import re
import sys
import unicodedata
from xml.sax.saxutils import escape, quoteattr

NS = "urn:councildoc:1"
MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
LEADIN = {
    "purpose": ["purpose", "objet", "objeto", "الغرض", "目的", "цель"],
    "action": ["action required", "suite à donner", "acción solicitada", "acción requerida", "الإجراء المطلوب",
               "需要采取的行动", "необходимые действия"],
    "references": ["references", "références", "referencias", "المراجع", "参考文献", "справочные материалы"],
}
STYLES = {"decimal": "decimal", "loweralpha": "lower-alpha", "upperalpha": "upper-alpha",
          "lowerroman": "lower-roman", "upperroman": "upper-roman"}


def words(s):
    return re.findall(r"\w+", unicodedata.normalize("NFC", s).lower())


def in_front(value, front):
    w = " " + " ".join(words(value)) + " "
    return any(w in " " + " ".join(words(f)) + " " for f in front)


def slug(s):
    s = re.sub(r"[^\w]+", "-", unicodedata.normalize("NFC", s).lower(), flags=re.UNICODE).strip("-")
    return s[:60].strip("-") or "x"


class Conv:
    def __init__(self, truth):
        self.t = truth
        self.notes = truth.get("notes", {})
        self.ids = set()
        self.out = []

    def uid(self, base):
        i, cand = 1, base
        while cand in self.ids:
            i += 1
            cand = "%s-%d" % (base, i)
        self.ids.add(cand)
        return cand

    # ---------------------------------------------------------------- inlines
    def inl(self, inl):
        out = []
        i = 0
        while i < len(inl):
            x = inl[i]
            if "note" in x:
                k = x["note"]
                body = self.notes.get(k, [])
                out.append('<note id="fn%s" label="%s" kind="footnote"><p>%s</p></note>' % (
                    escape(k), escape(k), self.inl(body)))
                i += 1
                continue
            href = x.get("href")
            if href:
                j = i
                parts = []
                while j < len(inl) and "note" not in inl[j] and inl[j].get("href") == href:
                    parts.append(self.fmt(inl[j]))
                    j += 1
                out.append("<link href=%s>%s</link>" % (quoteattr(href), "".join(parts)))
                i = j
                continue
            out.append(self.fmt(x))
            i += 1
        return "".join(out)

    @staticmethod
    def fmt(x):
        s = escape(x.get("text", "").replace("\t", " "))
        if x.get("i"):
            s = "<i>%s</i>" % s
        if x.get("b"):
            s = "<b>%s</b>" % s
        return s

    # ---------------------------------------------------------------- blocks
    def lst(self, b):
        attrs = ' type="%s"' % ("ordered" if b.get("ordered") else "bullet")
        if b.get("style"):
            attrs += ' style="%s"' % STYLES.get(b["style"], b["style"])
        if b.get("ordered") and b.get("start", 1) != 1:
            attrs += ' start="%d"' % b["start"]
        res = ["<list%s>" % attrs]
        for it in b["items"]:
            inl = [x for x in it if "sub" not in x]
            subs = [x["sub"] for x in it if "sub" in x]
            res.append("<item><p>%s</p>" % self.inl(inl))
            for s in subs:
                res.append(self.lst(s))
            res.append("</item>")
        res.append("</list>")
        return "\n".join(res)

    def table(self, b):
        nh = b.get("header", 1)
        res = ["<table>"]
        for r, row in enumerate(b["rows"]):
            res.append("<row%s>" % (' header="true"' if r < nh else "") +
                       "".join("<cell><p>%s</p></cell>" % self.inl(c) for c in row) + "</row>")
        res.append("</table>")
        return "\n".join(res)

    # ---------------------------------------------------------------- document
    def meta(self):
        m = self.t.get("meta", {})
        front = self.t.get("render", {}).get("front") or []
        res = []

        def keep(k):
            return m.get(k) and in_front(m[k], front)

        if keep("council"):
            res.append("<meeting>%s</meeting>" % escape(m["council"]))
        if keep("place"):
            res.append("<place>%s</place>" % escape(m["place"]))
        if keep("agenda"):
            res.append("<agenda-item>%s</agenda-item>" % escape(m["agenda"]))
        if keep("docnumber"):
            d = m["docnumber"]
            mm = re.match(r"^(.+?)/([^-(]+)(?:\((?:Rev\.|Add\.|Cor\.)?(\d+)\))?-([A-Z])$", d)
            a = ""
            if mm:
                a = ' session="%s" number="%s"' % (escape(mm.group(1)), escape(mm.group(2)))
                if mm.group(3):
                    a += ' rev="%s"' % mm.group(3)
                a += ' lang="%s"' % {"E": "en", "F": "fr", "S": "es", "C": "zh", "R": "ru", "A": "ar"}.get(
                    mm.group(4), "en")
            res.append("<document%s>%s</document>" % (a, escape(d)))
        if keep("date"):
            d = m["date"]
            mm = re.match(r"^(\d{1,2}) (\w+) (\d{4})$", d)
            a = ""
            if mm and mm.group(2).lower() in MONTHS:
                a = ' when="%s-%02d-%02d"' % (mm.group(3), MONTHS[mm.group(2).lower()], int(mm.group(1)))
            res.append("<date%s>%s</date>" % (a, escape(d)))
        if keep("original"):
            res.append("<original>%s</original>" % escape(m["original"]))
        if keep("from"):
            res.append("<source>%s</source>" % escape(m["from"]))
        if m.get("title"):
            res.append("<title>%s</title>" % escape(m["title"]))
        return "<meta>\n%s\n</meta>" % "\n".join(res) if res else ""

    def leadin_kind(self, text, n):
        t = text.strip().lower().rstrip(":：")
        for k, names in LEADIN.items():
            if t in names:
                return k
        return ["purpose", "action", "references"][min(n, 2)]

    def convert(self):
        lang = self.t.get("meta", {}).get("language", "en")
        rtl = ' dir="rtl"' if lang in ("ar", "he", "fa") else ""
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<council xmlns="%s" version="1" xml:lang="%s"%s>' % (NS, escape(lang), rtl)]
        meta = self.meta()
        if meta:
            out.append(meta)
        blocks = self.t["blocks"]
        # summary: leading lead-in headings and their paragraphs
        summ = {}
        order = []
        i = 0
        n = 0
        cur = None
        while i < len(blocks):
            b = blocks[i]
            if b["t"] == "heading" and b.get("role") == "leadin":
                cur = self.leadin_kind(b["text"], n)
                n += 1
                if cur not in summ:
                    summ[cur] = []
                    order.append(cur)
            elif b.get("role") == "leadin" and cur:
                summ[cur].append(b)
            elif b["t"] == "rule" and cur:
                pass
            else:
                break
            i += 1
        if summ:
            out.append("<summary>")
            for k in ("purpose", "action", "references"):
                if k in summ:
                    out.append("<%s>%s</%s>" % (k, "".join(self.block(x) for x in summ[k]), k))
            out.append("</summary>")
        stack = []  # (level, tag)
        for b in blocks[i:]:
            t = b["t"]
            if t == "heading":
                lvl = b["level"]
                inl = b.get("inl") or [{"text": b["text"]}]
                if b.get("role") == "annex":
                    while stack:
                        out.append("</%s>" % stack.pop()[1])
                    mm = re.match(r"^\S+\s+([0-9A-Z]{1,3})\b", b["text"])
                    num = mm.group(1) if mm else ""
                    aid = self.uid("annex-" + (num.lower() if num else slug(b["text"])))
                    out.append('<annex id="%s"%s><title>%s</title>' % (
                        aid, ' num="%s"' % num if num else "", self.inl(inl)))
                    stack.append((0, "annex"))
                    continue
                if b.get("role") == "leadin":
                    # a late lead-in heading: keep it as an unnumbered section
                    pass
                while stack and stack[-1][0] >= lvl:
                    out.append("</%s>" % stack.pop()[1])
                num = b.get("num") or ""
                sid = self.uid("sec-" + (num if num else slug(b["text"])))
                out.append('<section id="%s"%s><title>%s</title>' % (
                    sid, ' num="%s"' % num if num else "", self.inl(inl)))
                stack.append((lvl, "section"))
            else:
                out.append(self.block(b))
        while stack:
            out.append("</%s>" % stack.pop()[1])
        out.append("</council>")
        return "\n".join(x for x in out if x) + "\n"

    def block(self, b):
        t = b["t"]
        if t == "para":
            return "<p>%s</p>" % self.inl(b["inl"])
        if t == "list":
            return self.lst(b)
        if t == "table":
            return self.table(b)
        return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("truth")
    ap.add_argument("-o", "--output")
    a = ap.parse_args()
    with open(a.truth, encoding="utf-8") as f:
        truth = json.load(f)
    s = Conv(truth).convert()
    if a.output:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(s)
    else:
        sys.stdout.write(s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
