#!/usr/bin/env python3
"""wrap_check.py WRAPPED UNWRAPPED WIDTH - is a --wrap=WIDTH txt output right?

- no line wider than WIDTH columns (East Asian wide/fullwidth characters
  count 2, combining marks and the bidi isolates U+2066..U+2069 count 0),
  unless it is a single unbreakable word;
- nothing lost or reordered: both files hold the same characters once
  white space is removed;
- no Latin word broken: the sequence of [A-Za-z0-9]+ words is the same.
Prints a summary line; exit 0 when all hold.
"""
import re
import sys
import unicodedata


def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or "\u2066" <= ch <= "\u2069":
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w


def main(argv):
    wrapped, plain, limit = argv[1], argv[2], int(argv[3])
    a = open(wrapped, encoding="utf-8").read()
    b = open(plain, encoding="utf-8").read()
    over = [ln for ln in a.split("\n")
            if width(ln) > limit and len(ln.strip(" ").split(" ")) > 1]
    same_chars = re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)
    same_words = re.findall(r"[A-Za-z0-9]+", a) == re.findall(r"[A-Za-z0-9]+", b)
    widest = max((width(ln) for ln in a.split("\n")), default=0)
    print("wrap=%d lines=%d widest=%d over=%d same-chars=%s same-words=%s %s"
          % (limit, a.count("\n"), widest, len(over), same_chars, same_words,
             wrapped))
    for ln in over[:5]:
        print("  over: %r" % ln)
    return 0 if not over and same_chars and same_words else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
