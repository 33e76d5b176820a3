from lessonlint.text.exports import exported_names
from lessonlint.text.files import FileIndex, glob_regex
from lessonlint.text.resolve import clean, resolve, resolve_link_end


def make(tmp_path, *paths):
    for rel in paths:
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("x\n")
    return tmp_path, FileIndex(tmp_path)


def test_clean_drops_annotations_and_line_suffixes():
    assert clean("velite.config.ts (posts collection)") == ("velite.config.ts", "(posts collection)")
    assert clean("src/pages/posts/[...slug].astro:25-36")[0] == "src/pages/posts/[...slug].astro"
    assert clean("`./src/a.ts`")[0] == "src/a.ts"


def test_file_dir_glob_literal_brackets(tmp_path):
    root, files = make(tmp_path, "src/pages/[...slug].astro", "src/c/m1/a.mdx", "src/c/m1/b.mdx", "src/c/m2/c.mdx")
    assert resolve("src/pages/[...slug].astro", root, files).kind == "file"
    assert resolve("src/c/m1/", root, files).kind == "dir"
    assert resolve("src/c/**/*.mdx", root, files).paths == ("src/c/m1/a.mdx", "src/c/m1/b.mdx", "src/c/m2/c.mdx")
    assert resolve("src/c/m1/*.mdx", root, files).paths == ("src/c/m1/a.mdx", "src/c/m1/b.mdx")
    assert resolve("GitHub Actions workflow run", root, files).kind == "not-a-path"


def test_outside_paths_are_refused(tmp_path):
    root, files = make(tmp_path / "p", "a.mdx")
    for raw in ("../../etc/passwd", "/etc/passwd", "~/notes.md"):
        assert resolve(raw, root, files).kind == "outside"


def test_missing_file_suggests_the_moved_one(tmp_path):
    root, files = make(tmp_path, "src/c/03-m3/02-ranking.mdx", "src/c/04-m4/01-intro.mdx", "other/01-intro.mdx")
    moved = resolve("src/c/02-m2/02-ranking.mdx", root, files)
    assert moved.kind == "missing" and moved.suggestion == "src/c/03-m3/02-ranking.mdx"
    # two equally good candidates: no guess
    assert resolve("x/01-intro.mdx", root, files).suggestion is None


def test_key_link_bare_names(tmp_path):
    root, files = make(tmp_path, "src/c/m5/03-cdc.mdx", "src/c/m1/03-cdc.mdx", "src/c/m5/04-state.mdx")
    artifacts = ["src/c/m5/03-cdc.mdx"]
    assert resolve_link_end("03-cdc.mdx", root, files, artifacts).paths == ("src/c/m5/03-cdc.mdx",)
    assert resolve_link_end("04-state.mdx", root, files, []).paths == ("src/c/m5/04-state.mdx",)
    assert resolve_link_end("03-cdc.mdx", root, files, []).kind == "missing"
    assert resolve_link_end("Kafka topic", root, files, artifacts).kind == "not-a-path"


def test_glob_regex_semantics():
    assert glob_regex("a/**/*.mdx").fullmatch("a/b/c/d.mdx")
    assert glob_regex("a/**/*.mdx").fullmatch("a/d.mdx")
    assert not glob_regex("a/*.mdx").fullmatch("a/b/d.mdx")


def test_exported_names_js_python_mdx():
    js = "export default function Page() {}\nexport const A = 1, x = 2\nexport { B, C as D }\nexport async function GET() {}\n"
    assert set(exported_names("r.ts", js)) == {"Page", "default", "A", "B", "D", "GET"}
    py = "import os\nfrom .m import helper\ndef run():\n    inner = 1\nclass Job: pass\nLIMIT: int = 3\n"
    assert set(exported_names("m.py", py)) == {"helper", "run", "Job", "LIMIT"}
    assert exported_names("notes.txt", "export A") is None
