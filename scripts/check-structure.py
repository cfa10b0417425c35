#!/usr/bin/env python3
"""The house's structure, checked: no import cycle between the files of src/,
and no Rust file over MAX_LINES lines.

Run by `make lint`; exits non-zero with the reason on stdout.

An import is a `use` of `crate::`, `super::`, `self::` or a child module, or a
path such as `crate::domain::sort::sort_by_key(...)` written in the code. It
is followed through re-exports to the file that defines the name, so
`use crate::domain::Edit` depends on domain/edit.rs, not on domain/mod.rs.

A file reading its own parent module (`use super::CHUNK` in a child of
timeline/mod.rs) is not counted: the parent is where the children's shared
pieces live and what puts them together, so that edge points down the house
even though the path says `super`. Every other circle between two files is a
cycle: neither can be understood, moved or tested without the other.

Usage: scripts/check-structure.py [root]   (root defaults to the repository)
"""

import re
import sys
from pathlib import Path

MAX_LINES = 700

# Files already over MAX_LINES, each with its length when it was listed: the
# ceiling it may not grow past. Take a file off once it is split.
ALLOWED: dict[str, int] = {}

ITEM_KINDS = r"(?:fn|struct|enum|const|static|type|trait|mod|union)"


def strip(text):
    """The code without comments, string and char literals (same length, same
    line breaks), so that paths in prose are not taken for imports."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif re.match(r'(b|c)?r#*"', text[i : i + 40]) and (i == 0 or not re.match(r"\w", text[i - 1])):
            m = re.match(r'(b|c)?r(#*)"', text[i:])
            end = text.find('"' + m.group(2), i + len(m.group(0)))
            j = n if end < 0 else end + 1 + len(m.group(2))
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "'":
            m = re.match(r"'(\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^\\'\n])'", text[i:])
            if m:
                out.append(" " * len(m.group(0)))
                i += len(m.group(0))
            else:  # a lifetime
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_top(s, sep=","):
    """Splits at `sep` outside braces."""
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def expand(tree):
    """A use tree as (path segments, name it is known by) pairs; a glob has
    name '*'."""
    tree = re.sub(r"\s*(::|[{},])\s*", r"\1", re.sub(r"\s+", " ", tree).strip()).lstrip(":")
    brace = tree.find("{")
    if brace < 0:
        m = re.fullmatch(r"([\w:*]+)(?: as (\w+))?", tree)
        path, alias = (m.group(1), m.group(2)) if m else (tree, None)
        segs = [s for s in path.split("::") if s]
        if not segs:
            return []
        if segs[-1] == "self":
            segs = segs[:-1]
        return [(segs, alias or (segs[-1] if segs else ""))]
    prefix = [s for s in tree[:brace].split("::") if s]
    inner = tree[brace + 1 : tree.rfind("}")]
    out = []
    for part in split_top(inner):
        if part == "self":
            out.append((prefix, prefix[-1] if prefix else ""))
            continue
        for segs, name in expand(part):
            out.append((prefix + segs, name))
    return out


class File:
    def __init__(self, rel, module, text):
        self.rel = rel
        self.module = module  # tuple of segments from the crate root
        self.code = strip(text)
        self.inline = self._inline_modules()
        self.uses = []  # (line, module path at that point, segments, name, is_use)
        self._collect()

    def line_of(self, pos):
        return self.code.count("\n", 0, pos) + 1

    def _inline_modules(self):
        """(start, end, name) of every `mod name { ... }` in the file."""
        found = []
        for m in re.finditer(r"\bmod\s+(\w+)\s*\{", self.code):
            depth, j = 1, m.end()
            while j < len(self.code) and depth:
                if self.code[j] == "{":
                    depth += 1
                elif self.code[j] == "}":
                    depth -= 1
                j += 1
            found.append((m.start(), j, m.group(1)))
        return found

    def module_at(self, pos):
        inner = [name for s, e, name in sorted(self.inline) if s < pos < e]
        return self.module + tuple(inner)

    def _collect(self):
        spans = []
        for m in re.finditer(r"\buse\s+([^;]+);", self.code):
            spans.append((m.start(), m.end()))
            for segs, name in expand(m.group(1)):
                self.uses.append((self.line_of(m.start()), self.module_at(m.start()), segs, name, True))
        for m in re.finditer(r"(?<![\w:])((?:crate|super|self)(?:::\w+)+)", self.code):
            if any(s <= m.start() < e for s, e in spans):
                continue
            segs = m.group(1).split("::")
            self.uses.append((self.line_of(m.start()), self.module_at(m.start()), segs, segs[-1], False))

    def defines(self, name):
        return re.search(r"\b%s\s+%s\b" % (ITEM_KINDS, re.escape(name)), self.code) or re.search(
            r"macro_rules!\s*%s\b" % re.escape(name), self.code
        )


class Crate:
    def __init__(self, root):
        self.root = root
        self.files = {}  # module tuple -> File
        src = root / "src"
        for path in sorted(src.rglob("*.rs")):
            rel = path.relative_to(root).as_posix()
            parts = path.relative_to(src).with_suffix("").parts
            if parts in (("lib",), ("main",)):
                module = ()
                if parts == ("main",):
                    continue  # the binary reaches the library as `debrief::`
            elif parts[-1] == "mod":
                module = tuple(parts[:-1])
            else:
                module = tuple(parts)
            self.files[module] = File(rel, module, path.read_text(encoding="utf-8"))
        self.modules = set(self.files)
        for f in self.files.values():
            for s, e, name in f.inline:
                self.modules.add(f.module_at(s + 1) + (name,))

    def absolute(self, module, segs):
        """The segments as a path from the crate root, or None if they leave
        the crate (std, leptos, ...)."""
        if not segs:
            return None
        head = segs[0]
        if head == "crate":
            return list(segs[1:])
        if head in ("super", "self"):
            base = list(module)
            i = 0
            while i < len(segs) and segs[i] in ("super", "self"):
                if segs[i] == "super":
                    if not base:
                        return None
                    base.pop()
                i += 1
            return base + list(segs[i:])
        if tuple(module) + (head,) in self.modules:
            return list(module) + list(segs)
        return None

    def file_of(self, path):
        """The file that holds `path`, and what is left of the path in it."""
        for k in range(len(path), -1, -1):
            if tuple(path[:k]) in self.files:
                return self.files[tuple(path[:k])], path[k:]
        return None, path

    def target(self, path, depth=0):
        """The file that defines what `path` names, following re-exports."""
        f, rest = self.file_of(path)
        if f is None or not rest or depth > 20:
            return f
        name = rest[0]
        if f.defines(name):
            return f
        globs = []
        for _, module, segs, alias, is_use in f.uses:
            if not is_use or module != f.module:
                continue
            if alias == name:
                absolute = self.absolute(module, segs)
                if absolute is not None:
                    return self.target(absolute + rest[1:], depth + 1) or f
            if alias == "*":
                globs.append(segs[:-1] if segs and segs[-1] == "*" else segs)
        for segs in globs:
            absolute = self.absolute(f.module, [s for s in segs if s != "*"])
            if absolute is None:
                continue
            g = self.target(absolute + [name], depth + 1)
            if g is not None and g is not f and g.defines(name):
                return g
        return f

    def edges(self):
        """file -> {imported file: first line importing it}"""
        out = {}
        for f in self.files.values():
            deps = out.setdefault(f.rel, {})
            for line, module, segs, _, _ in f.uses:
                if segs and segs[-1] == "*":
                    segs = segs[:-1]
                absolute = self.absolute(module, segs)
                if absolute is None:
                    continue
                t = self.target(absolute)
                if t is None or t is f:
                    continue
                # A child reading its own parent (or grandparent) module.
                if f.module[: len(t.module)] == t.module:
                    continue
                deps.setdefault(t.rel, line)
        return out


def cycles(graph):
    """Strongly connected components with more than one file (Tarjan)."""
    index, low, stack, on, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def one_circle(graph, comp):
    """A shortest way round the component from its first file."""
    start, members = comp[0], set(comp)
    paths, seen = [[start]], {start}
    while paths:
        nxt = []
        for p in paths:
            for w in sorted(graph[p[-1]]):
                if w == start:
                    return p + [start]
                if w in members and w not in seen:
                    seen.add(w)
                    nxt.append(p + [w])
        paths = nxt
    return comp


def line_count(path):
    with open(path, "rb") as fh:
        return fh.read().count(b"\n")


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    problems = []

    crate = Crate(root)
    graph = crate.edges()
    for comp in cycles(graph):
        circle = one_circle(graph, comp)
        steps = [
            f"    {a}:{graph[a][b]} imports {b}" for a, b in zip(circle, circle[1:])
        ]
        problems.append("import cycle between " + ", ".join(comp) + ":\n" + "\n".join(steps))

    counted = 0
    for top in ("src", "tests"):
        for path in sorted((root / top).rglob("*.rs")):
            rel = path.relative_to(root).as_posix()
            lines = line_count(path)
            counted += 1
            ceiling = ALLOWED.get(rel)
            if ceiling is None and lines > MAX_LINES:
                problems.append(f"{rel} has {lines} lines (at most {MAX_LINES}): split it where it reads naturally")
            elif ceiling is not None and lines > ceiling:
                problems.append(f"{rel} has {lines} lines, above its ceiling of {ceiling}: it may only shrink")
            elif ceiling is not None and lines <= MAX_LINES:
                problems.append(f"{rel} has {lines} lines now: take it off ALLOWED in {Path(__file__).name}")
    for rel in ALLOWED:
        if not (root / rel).exists():
            problems.append(f"{rel} is on ALLOWED but does not exist: take it off")

    if problems:
        print("check-structure: " + str(len(problems)) + " problem(s)")
        for p in problems:
            print("  " + p)
        return 1
    edges = sum(len(d) for d in graph.values())
    print(
        f"check-structure: {len(crate.files)} modules, {edges} imports between files, no cycle; "
        f"{counted} Rust files, none over {MAX_LINES} lines ({len(ALLOWED)} allowed to shrink)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
