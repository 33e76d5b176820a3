"""Ratios against the issue-6 targets, and the text table."""
from __future__ import annotations

from dataclasses import dataclass

from .timing import Measurement

GROUPS = {
    "s": "(s) start-up",
    "a": "(a) all plans + lessons",
    "b": "(b) ×{copies} replica",
    "c": "(c) one lesson, pre-commit",
}


@dataclass(frozen=True)
class Ratio:
    name: str
    wall: float | None
    cpu: float | None
    target: float | None  # at most; None: for information
    unit: str = "×"
    note: str = ""

    @property
    def met(self) -> bool | None:
        return None if self.target is None or self.wall is None else self.wall <= self.target

    def to_json(self) -> dict:
        return {"name": self.name, "value": self.wall, "cpu_value": self.cpu, "target_max": self.target,
                "unit": self.unit, "met": self.met, "note": self.note}


def ratios(by_id: dict[str, Measurement]) -> list[Ratio]:
    """The issue's targets, from the medians of one run (wall) and, for the record, of CPU time."""
    def q(top: str, bottom: str, attr: str) -> float | None:
        a, b = by_id.get(top), by_id.get(bottom)
        x = _value(a, attr) if a else None
        y = _value(b, attr) if b else None
        return x / y if x is not None and y else None

    def r(name: str, top: str, bottom: str, target: float | None, note: str = "") -> Ratio:
        return Ratio(name, q(top, bottom, "wall"), q(top, bottom, "cpu"), target, note=note)

    b = by_id.get("b.lessonlint")
    rss = b.peak_rss_kib / 1024 if b and b.peak_rss_kib and not b.error else None
    return [
        # issue 11: the cache
        r("(a) cold / markdownlint-cli2", "a.lessonlint-cold", "a.markdownlint-cli2", 0.3),
        r("(a) warm, nothing changed / rumdl", "a.lessonlint", "a.rumdl", 1.0),
        r("(a) warm, 1 lesson edited / rumdl", "a.lessonlint-edit", "a.rumdl", 2.0),
        r("(c) warm / markdownlint-cli2", "c.lessonlint", "c.markdownlint-cli2", 0.25),
        r("(c) cold / markdownlint-cli2", "c.lessonlint-cold", "c.markdownlint-cli2", None),
        r("(c) warm / rumdl", "c.lessonlint", "c.rumdl", None),
        # issue 6
        r("(a) cold / rumdl", "a.lessonlint-cold", "a.rumdl", None, "matching rumdl (1×) is the real aim"),
        r("(a) cold / floor", "a.lessonlint-cold", "a.floor", 10.0),
        r("(b) / (a) cold", "b.lessonlint", "a.lessonlint-cold", 22.0, "linear would be ≈ copies×"),
        r("(b) cold / rumdl", "b.lessonlint", "b.rumdl", None),
        Ratio("(b) lessonlint peak RSS", rss, None, 250.0, " MiB"),
    ]


def _value(m: Measurement, attr: str) -> float | None:
    if m.error or not m.times:
        return None
    if attr == "wall":
        return m.median
    return sorted(m.cpu)[len(m.cpu) // 2] if m.cpu else None


def table(measurements: list[Measurement], found: list[Ratio], skipped: dict[str, str], copies: int) -> str:
    """The side-by-side text table: medians, min–max, CPU, peak RSS; then the ratios with ✓/✗."""
    lines = [f"{'case':<32} {'tool':<19} {'median':>9} {'min–max':>19} {'cpu':>9} {'peak RSS':>9}  runs"]
    last = None
    for m in measurements:
        group = GROUPS[m.case.group].format(copies=copies)
        label = group if group != last else ""
        last = group
        if m.error:
            lines.append(f"{label:<32} {m.case.tool:<19} error: {m.error[:70]}")
            continue
        cpu = sorted(m.cpu)[len(m.cpu) // 2] if m.cpu else None
        rss = f"{m.peak_rss_kib / 1024:.0f} MiB" if m.peak_rss_kib else "–"
        span = f"{_t(min(m.times))}–{_t(max(m.times))}"
        lines.append(f"{label:<32} {m.case.tool:<19} {_t(m.median):>9} {span:>19} {_t(cpu):>9} {rss:>9}  {len(m.times)}")
    for tool, note in skipped.items():
        lines.append(f"{'':<32} {tool:<19} {note}")
    lines += ["", f"{'ratio (median wall; cpu in brackets)':<40} {'value':>18}  target"]
    for ratio in found:
        if ratio.wall is None:
            value, verdict = "n/a", ("(no data)" if ratio.target is not None else "")
        elif ratio.unit == "×":
            value = f"{ratio.wall:.2f}×" + (f" ({ratio.cpu:.2f}×)" if ratio.cpu is not None else "")
            verdict = f"≤ {ratio.target:g}× {'✓' if ratio.met else '✗'}" if ratio.target is not None else ratio.note
        else:
            value = f"{ratio.wall:.0f}{ratio.unit}"
            verdict = f"≤ {ratio.target:g}{ratio.unit} {'✓' if ratio.met else '✗'}"
        lines.append(f"{ratio.name:<40} {value:>18}  {verdict}")
    return "\n".join(lines)


def _t(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def header(doc: dict) -> str:
    """What was measured, where, with which versions."""
    m, c, t = doc["machine"], doc["corpus"], doc["tools"]
    r = c["replica"]
    versions = ", ".join(f"{name} {info['version']}" for name, info in t.items() if info["available"])
    return "\n".join([
        f"lessonlint benchmark — {m['cpus']} CPUs, Python {m['python']}, timer {m['timer']}"
        + (f" {m['hyperfine']}" if m["timer"] == "hyperfine" and "hyperfine" in m else "")
        + f"; load average {m['load_before'][0]:.1f} before",
        f"tools: {versions}",
        f"(a) {c['root']}: {c['plans']} plans, {c['lessons']} lessons, {c['lesson_bytes'] / 1e6:.2f} MB",
        f"(b) ×{r['copies']} replica: {r['plans']} plans, {r['lessons']} lessons, {r['lesson_bytes'] / 1e6:.1f} MB"
        f" (built in {r['build_s']:.1f} s)",
        f"(c) {c['one_lesson']}",
        "",
    ])


def footer(doc: dict) -> str:
    """Replica fidelity and how busy the machine was."""
    m, fid = doc["machine"], doc["corpus"]["replica"]["fidelity"]
    lines = [""]
    if fid.get("exact") is True:
        lines.append("replica fidelity: every summary count and code count is exactly copies × head ✓")
    elif fid.get("exact") is False:
        off = [k for k, v in fid["counts"].items() if v["replica"] != v["expected"]]
        lines.append(f"replica fidelity ✗: {', '.join(off)} differ from copies × head (see --json)")
    busy = max(m["load_before"][0], m["load_after"][0])
    if busy > 0.5 * (m["cpus"] or 1):
        lines.append(f"note: load average up to {busy:.1f} on {m['cpus']} CPUs — wall times are inflated by other "
                     "work; the cpu column (user+sys of the child) is steadier")
    if m.get("cpu_pressure_after"):
        lines.append(f"cpu pressure (PSI) at the end: {m['cpu_pressure_after']}")
    return "\n".join(lines)
