# Sourced by the bench scripts (from the repository root): splice_table FILE MARKER TABLE-FILE puts a table between
# the <!-- BENCH:MARKER --> and <!-- /BENCH:MARKER --> markers of FILE.
splice_table() { # file marker table-file
  python3 - "$1" "$2" "$3" <<'PY'
import sys, re
doc, marker, table = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
text = open(doc).read()
text = re.sub(r"(<!-- BENCH:%s -->\n).*?(<!-- /BENCH:%s -->)" % (marker, marker), lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
open(doc, "w").write(text)
PY
}
