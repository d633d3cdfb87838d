"""Writes the trees of bench/graph.sh under DIR: a file:// module proxy (200 dependency modules of 10 packages),
a small module, a copy of it to vendor, and a kubernetes-sized workspace (go.work, 30 modules, ~20,000 .go files).
go.sum and vendor/ are left to real Go (bench/graph.sh runs go mod tidy and go work vendor)."""
import os, sys, zipfile

root = sys.argv[1]
DEPS, PACKAGES_PER_DEP = 200, 10
MODULES, PACKAGES_PER_MODULE, FILES_PER_PACKAGE = 30, 67, 10


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def dep(i):
    return f"example.org/dep{i:03d}"


for i in range(DEPS):
    path, version = dep(i), "v1.0.0"
    d = os.path.join(root, "proxy", path, "@v")
    gomod = f"module {path}\n\ngo 1.21\n"
    write(os.path.join(d, "list"), version + "\n")
    write(os.path.join(d, version + ".info"), '{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}\n')
    write(os.path.join(d, version + ".mod"), gomod)
    with zipfile.ZipFile(os.path.join(d, version + ".zip"), "w") as z:
        z.writestr(f"{path}@{version}/go.mod", gomod)
        for p in range(PACKAGES_PER_DEP):
            z.writestr(f"{path}@{version}/pkg{p}/p.go", f"package pkg{p}\n\n// V is used by the importers.\nconst V = {p}\n")


def package(directory, name, imports, files):
    for f in range(files):
        block = "".join(f'\t_ "{imp}"\n' for imp in imports) if f == 0 else ""
        header = f"// Copyright 2026 The Bench Authors.\n// Licensed under the Apache License, Version 2.0.\n\n"
        body = f"package {name}\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n{block})\n\nfunc F{f}() string {{ return fmt.Sprint(strings.ToUpper(\"x\")) }}\n"
        write(os.path.join(directory, f"f{f}.go"), header + body)


def module(directory, path, go, deps, packages, files):
    write(os.path.join(directory, "go.mod"), f"module {path}\n\ngo {go}\n\nrequire (\n" + "".join(f"\t{dep(d)} v1.0.0\n" for d in deps) + ")\n")
    for p in range(packages):
        imports = [f"{dep(deps[(p + k) % len(deps)])}/pkg{(p + k) % PACKAGES_PER_DEP}" for k in range(3)]
        package(os.path.join(directory, f"pkg/p{p:02d}"), f"p{p:02d}", imports, files)


for name in ("small", "vendored"):
    module(os.path.join(root, name), "example.com/small", "1.21", [0, 1], 3, 2)

uses = []
for m in range(MODULES):
    rel = f"staging/m{m:02d}"
    uses.append(rel)
    module(os.path.join(root, "k8s", rel), f"k8s.example/m{m:02d}", "1.22", [(m * 7 + k) % DEPS for k in range(20)], PACKAGES_PER_MODULE, FILES_PER_PACKAGE)
write(os.path.join(root, "k8s", "go.work"), "go 1.22\n\nuse (\n" + "".join(f"\t./{u}\n" for u in uses) + ")\n")
