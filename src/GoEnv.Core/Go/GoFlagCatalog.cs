namespace GoEnv.Core.Go;

internal static class GoFlagCatalog
{
    private static readonly string[] s_build = ["build", "install", "run", "test", "vet", "list", "get", "clean"];

    private static readonly Lazy<GoFlagTable> s_table = new(() =>
    {
        var flags = new List<GoFlagInfo>();
        foreach (var b in new[] { "a", "n", "race", "msan", "asan", "v", "work", "x", "linkshared", "trimpath", "modcacherw", "buildvcs" })
        {
            flags.Add(new GoFlagInfo(b, b == "buildvcs" ? GoFlagKind.Other : GoFlagKind.Bool, s_build));
        }

        flags.Add(new GoFlagInfo("p", GoFlagKind.Int, s_build));
        foreach (var s in new[] { "asmflags", "buildmode", "compiler", "gccgoflags", "gcflags", "installsuffix", "ldflags", "mod", "modfile", "overlay", "pkgdir", "tags", "toolexec", "pgo", "cover", "covermode", "coverpkg" })
        {
            flags.Add(new GoFlagInfo(s, s == "cover" ? GoFlagKind.Bool : GoFlagKind.String, s_build));
        }

        flags.Add(new GoFlagInfo("w", GoFlagKind.Bool, ["env"]));
        flags.Add(new GoFlagInfo("u", GoFlagKind.Bool, ["get", "env"]));
        flags.Add(new GoFlagInfo("json", GoFlagKind.Bool, ["test", "list", "env", "mod download"]));
        flags.Add(new GoFlagInfo("count", GoFlagKind.String, ["test"]));
        flags.Add(new GoFlagInfo("C", GoFlagKind.String, ["build"]));
        return new GoFlagTable("fallback", flags);
    });

    public static GoFlagTable For(GoVersion? version) => s_table.Value;
}
