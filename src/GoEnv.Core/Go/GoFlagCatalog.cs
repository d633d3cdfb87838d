namespace GoEnv.Core.Go;

/// <summary>
/// The GOFLAGS flag tables of the Go releases GoEnv knows (1.19, 1.21, 1.22, 1.23, 1.24, 1.26, 1.27).
/// </summary>
/// <remarks>
/// Taken from each release's own cmd/go: a copy of cmd/go built with an overlay that prints the whole base.Go
/// command tree (every command's flag set, each flag's flag.Value type and IsBoolFlag()) at the point where
/// InitGOFLAGS calls hasFlag, under `go version`, `go vet` and `go fix`. Then checked against the real binaries:
/// every name passes `GOFLAGS=-name go version`, names of other releases and typos fail with "unknown flag", and for
/// every (flag, command) pair the bare "-name" and "-name=bad" give exactly the errors the kind predicts.
/// Help topics define no flags, and `go doc` parses its own, so neither shows up.
/// </remarks>
internal static class GoFlagCatalog
{
    // The data, one block per release, each applied on top of the one before:
    //   @group = cmd, @other-group, …   (re)defines a command group; an @group inside is expanded on the spot,
    //                                   one in an entry when each release's table is built;
    //   name   kind   cmd, @group, …    the commands that define -name and how they parse it. A block's first line
    //                                   for a name replaces all earlier lines for it; further lines add the commands
    //                                   that parse the same name as another kind (-v is bool but go test's is other);
    //   name   removed                  -name is gone.
    // Kinds: bool, int, string, other, other-bool (an Other flag.Value whose IsBoolFlag() is true).
    // Groups: @build = work.AddBuildFlags, @modflags = base.AddModCommonFlags (-modcacherw -modfile -overlay),
    // @chdir = base.AddChdirFlag (-C, 1.21+).
    // The Analyzers blocks list what `go vet` (and `go fix` from 1.26) add at run time from `go tool vet -flags`
    // (`go tool fix -flags`); flags the command already defines are not added again.

    private const string Flags119 = """
        @build = build, clean, fix, generate, get, install, list, run, test, vet
        @modflags = @build, fmt, mod download, mod edit, mod graph, mod init, mod tidy, mod vendor, mod verify, mod why, work init, work sync, work use
        a                          bool       @build
        asan                       bool       @build
        asmflags                   other      @build
        bench                      string     test
        benchmem                   bool       test
        benchtime                  string     test
        blockprofile               string     test
        blockprofilerate           string     test
        buildmode                  string     @build
        buildvcs                   other-bool @build
        c                          bool       test
        cache                      bool       clean
        compat                     other      mod tidy
        compiled                   bool       list
        compiler                   other      @build
        count                      int        test
        cover                      bool       test
        covermode                  other      test
        coverpkg                   other      test
        coverprofile               string     test
        cpu                        string     test
        cpuprofile                 string     test
        d                          bool       get
        debug-actiongraph          string     @build
        debug-trace                string     @build
        deps                       bool       list
        dropexclude                other      mod edit
        dropreplace                other      mod edit, work edit
        droprequire                other      mod edit
        dropretract                other      mod edit
        dropuse                    other      work edit
        e                          bool       list, mod tidy, mod vendor
        exclude                    other      mod edit
        exec                       other      run, test
        export                     bool       list
        f                          bool       get
        f                          string     list
        failfast                   bool       test
        find                       bool       list
        fix                        bool       get
        fix                        string     fix
        fmt                        bool       mod edit, work edit
        fuzz                       string     test
        fuzzcache                  bool       clean
        fuzzminimizetime           string     test
        fuzztime                   string     test
        gccgoflags                 other      @build
        gcflags                    other      @build
        go                         other      mod graph, mod tidy
        go                         string     mod edit, work edit
        i                          bool       build, clean, install, test
        insecure                   bool       get
        installsuffix              string     @build
        json                       bool       env, mod download, mod edit, test, work edit
        json                       other-bool list
        ldflags                    other      @build
        linkshared                 bool       @build
        list                       string     test
        m                          bool       get, list, mod why, version
        memprofile                 string     test
        memprofilerate             string     test
        mod                        other      build, clean, fix, fmt, generate, install, list, run, test, vet
        modcache                   bool       clean
        modcacherw                 bool       @modflags
        modfile                    string     @modflags
        module                     string     mod edit
        msan                       bool       @build
        mutexprofile               string     test
        mutexprofilefraction       string     test
        n                          bool       build, clean, fix, fmt, generate, get, install, list, mod edit, run, test, tool, vet
        o                          string     build, mod vendor, test
        outputdir                  string     test
        overlay                    string     @modflags
        p                          int        @build
        parallel                   int        test
        pkgdir                     string     @build
        print                      bool       mod edit, work edit
        r                          bool       clean, work use
        race                       bool       @build
        replace                    other      mod edit, work edit
        require                    other      mod edit
        retract                    other      mod edit
        retracted                  bool       list
        reuse                      string     list, mod download
        run                        string     generate, test
        short                      bool       test
        shuffle                    other      test
        t                          bool       get
        tags                       other      @build
        test                       bool       list
        test.bench                 string     test
        test.benchmem              bool       test
        test.benchtime             string     test
        test.blockprofile          string     test
        test.blockprofilerate      string     test
        test.count                 int        test
        test.coverprofile          string     test
        test.cpu                   string     test
        test.cpuprofile            string     test
        test.failfast              bool       test
        test.fuzz                  string     test
        test.fuzzminimizetime      string     test
        test.fuzztime              string     test
        test.list                  string     test
        test.memprofile            string     test
        test.memprofilerate        string     test
        test.mutexprofile          string     test
        test.mutexprofilefraction  string     test
        test.outputdir             string     test
        test.parallel              int        test
        test.run                   string     test
        test.short                 bool       test
        test.shuffle               other      test
        test.timeout               other      test
        test.trace                 string     test
        test.v                     bool       test
        testcache                  bool       clean
        timeout                    other      test
        toolexec                   other      @build
        trace                      string     test
        trimpath                   bool       @build
        u                          bool       env, list
        u                          other-bool get
        use                        other      work edit
        v                          bool       bug, build, clean, fix, generate, get, install, list, mod tidy, mod vendor, run, test, version, vet
        vendor                     bool       mod why
        versions                   bool       list
        vet                        other      test
        vettool                    string     vet
        w                          bool       env
        work                       bool       @build
        x                          bool       build, clean, fix, fmt, generate, get, install, list, mod download, mod edit, run, test, vet
        """;

    private const string Analyzers119 = """
        all                        bool       vet
        asmdecl                    bool       vet
        assign                     bool       vet
        atomic                     bool       vet
        bool                       bool       vet
        bools                      bool       vet
        buildtag                   bool       vet
        buildtags                  bool       vet
        c                          string     vet
        cgocall                    bool       vet
        composites                 bool       vet
        composites.whitelist       bool       vet
        compositewhitelist         bool       vet
        copylocks                  bool       vet
        errorsas                   bool       vet
        flags                      bool       vet
        framepointer               bool       vet
        httpresponse               bool       vet
        ifaceassert                bool       vet
        json                       bool       vet
        loopclosure                bool       vet
        lostcancel                 bool       vet
        methods                    bool       vet
        nilfunc                    bool       vet
        printf                     bool       vet
        printf.funcs               string     vet
        printfuncs                 string     vet
        rangeloops                 bool       vet
        shift                      bool       vet
        sigchanyzer                bool       vet
        source                     bool       vet
        stdmethods                 bool       vet
        stringintconv              bool       vet
        structtag                  bool       vet
        testinggoroutine           bool       vet
        tests                      bool       vet
        unmarshal                  bool       vet
        unreachable                bool       vet
        unsafeptr                  bool       vet
        unusedfuncs                string     vet
        unusedresult               bool       vet
        unusedresult.funcs         string     vet
        unusedresult.stringmethods string     vet
        unusedstringmethods        string     vet
        V                          bool       vet
        """;

    private const string Flags121 = """
        @chdir = @modflags, bug, env, tool, version, work edit
        C                          other      @chdir
        cover                      bool       build, install, list, run, test
        covermode                  other      build, install, list, run, test
        coverpkg                   other      build, install, list, run, test
        debug-runtime-trace        string     @build
        fullpath                   bool       test
        i                          bool       clean
        n                          bool       build, clean, env, fix, fmt, generate, get, install, list, mod edit, run, test, tool, vet
        pgo                        string     @build
        skip                       string     generate, test
        test.fullpath              bool       test
        test.skip                  string     test
        test.v                     other-bool test
        toolchain                  string     mod edit, work edit
        v                          bool       bug, build, clean, fix, generate, get, install, list, mod tidy, mod vendor, run, version, vet
        v                          other-bool test
        x                          bool       build, clean, env, fix, fmt, generate, get, install, list, mod download, mod edit, mod graph, mod tidy, run, test, vet
        """;

    private const string Analyzers121 = """
        directive                  bool       vet
        slog                       bool       vet
        timeformat                 bool       vet
        """;

    private const string Flags122 = """
        @modflags = @build, fmt, mod download, mod edit, mod graph, mod init, mod tidy, mod vendor, mod verify, mod why, work init, work sync, work use, work vendor
        @chdir = @modflags, bug, env, tool, version, work edit
        e                          bool       list, mod tidy, mod vendor, work vendor
        o                          string     build, mod vendor, test, work vendor
        v                          bool       bug, build, clean, fix, generate, get, install, list, mod tidy, mod vendor, run, version, vet, work vendor
        v                          other-bool test
        """;

    private const string Analyzers122 = """
        appends                    bool       vet
        defers                     bool       vet
        testinggoroutine.subtest   bool       vet
        """;

    private const string Flags123 = """
        @chdir = @modflags, bug, env, telemetry, tool, version, work edit
        changed                    bool       env
        diff                       bool       mod tidy
        dropgodebug                other      mod edit, work edit
        godebug                    other      mod edit, work edit
        """;

    private const string Analyzers123 = """
        stdversion                 bool       vet
        """;

    private const string Flags124 = """
        @modflags = @build, fmt, mod download, mod edit, mod graph, mod init, mod tidy, mod vendor, mod verify, mod why, tool, work init, work sync, work use, work vendor
        droptool                   other      mod edit
        json                       bool       build, env, get, install, mod download, mod edit, run, test, work edit
        json                       other-bool list
        tool                       bool       get
        tool                       other      mod edit
        """;

    private const string Analyzers124 = "";

    private const string Flags126 = """
        artifacts                  bool       test
        c                          bool       test
        c                          int        fix, vet
        diff                       bool       fix, mod tidy, vet
        dropignore                 other      mod edit
        fix                        bool       get, vet
        fix                        string     fix
        fixtool                    string     fix
        ignore                     other      mod edit
        json                       bool       build, env, fix, get, install, mod download, mod edit, run, test, version, vet, work edit
        json                       other-bool list
        test.artifacts             bool       test
        """;

    private const string Analyzers126 = """
        all                        bool       fix, vet
        any                        bool       fix
        buildtag                   bool       fix, vet
        buildtags                  bool       fix, vet
        c                          removed
        flags                      bool       fix, vet
        fmtappendf                 bool       fix
        forvar                     bool       fix
        hostport                   bool       fix, vet
        inline                     bool       fix
        inline.allow_binding_decl  bool       fix
        inline.lazy_edits          bool       fix
        json                       removed
        mapsloop                   bool       fix
        minmax                     bool       fix
        newexpr                    bool       fix
        omitzero                   bool       fix
        plusbuild                  bool       fix
        rangeint                   bool       fix
        reflecttypefor             bool       fix
        slicescontains             bool       fix
        slicessort                 bool       fix
        source                     bool       fix, vet
        stditerators               bool       fix
        stringsbuilder             bool       fix
        stringscut                 bool       fix
        stringscutprefix           bool       fix
        stringsseq                 bool       fix
        testingcontext             bool       fix
        V                          bool       fix, vet
        waitgroup                  bool       fix, vet
        """;

    private const string Flags127 = "";

    private const string Analyzers127 = """
        atomictypes                bool       fix
        embedlit                   bool       fix
        errorsastype               bool       fix
        fmtappendf                 removed
        slicesbackward             bool       fix
        unsafefuncs                bool       fix
        waitgroup                  bool       vet
        waitgroupgo                bool       fix
        """;

    // What a flag parsed as GoFlagKind.Other takes (cmd/go's flag.Value implementations).
    private static readonly Dictionary<string, string> s_otherValues = new(StringComparer.Ordinal)
    {
        ["asmflags"] = "[pattern=]flags, space-separated, shell-quoted",
        ["buildvcs"] = "true, false, auto",
        ["C"] = "none: -C must be the first flag on the command line",
        ["compat"] = "a Go version such as 1.21, not newer than the toolchain",
        ["compiler"] = "gc, gccgo",
        ["covermode"] = "set, count, atomic",
        ["coverpkg"] = "comma-separated package patterns",
        ["dropexclude"] = "path@version",
        ["dropgodebug"] = "key",
        ["dropignore"] = "directory",
        ["dropreplace"] = "old[@v]",
        ["droprequire"] = "module path",
        ["dropretract"] = "version or [low,high]",
        ["droptool"] = "package path",
        ["dropuse"] = "directory",
        ["exclude"] = "path@version",
        ["exec"] = "space-separated words, shell-quoted",
        ["gccgoflags"] = "[pattern=]flags, space-separated, shell-quoted",
        ["gcflags"] = "[pattern=]flags, space-separated, shell-quoted",
        ["go"] = "a Go version such as 1.21, not newer than the toolchain",
        ["godebug"] = "key=value",
        ["ignore"] = "directory",
        ["json"] = "true, false, or comma-separated field names",
        ["ldflags"] = "[pattern=]flags, space-separated, shell-quoted",
        ["mod"] = "mod, readonly, vendor (checked when the command runs)",
        ["replace"] = "old[@v]=new[@v]",
        ["require"] = "path@version",
        ["retract"] = "version or [low,high]",
        ["shuffle"] = "off, on, or an int64 seed",
        ["tags"] = "comma-separated build tags",
        ["test.shuffle"] = "off, on, or an int64 seed",
        ["test.timeout"] = "a duration such as 10m or 1h30m",
        ["test.v"] = "true, false, test2json",
        ["timeout"] = "a duration such as 10m or 1h30m",
        ["tool"] = "package path",
        ["toolexec"] = "space-separated words, shell-quoted",
        ["u"] = "true, false, patch",
        ["use"] = "directory",
        ["v"] = "true, false, test2json",
        ["vet"] = "off, all, or comma-separated analyzer names",
    };

    // The commands whose kind decides GoFlagInfo.Kind when the commands disagree: the ones a pipeline runs first.
    private static readonly string[] s_kindPreference =
        ["build", "test", "list", "vet", "run", "install", "get", "clean", "generate", "fix", "fmt", "env", "version", "tool"];

    private static readonly (int Minor, string Flags, string Analyzers)[] s_releases =
    [
        (19, Flags119, Analyzers119),
        (21, Flags121, Analyzers121),
        (22, Flags122, Analyzers122),
        (23, Flags123, Analyzers123),
        (24, Flags124, Analyzers124),
        (26, Flags126, Analyzers126),
        (27, Flags127, Analyzers127),
    ];

    // Built on first use, one release at a time: a check needs one table, and materialising all seven costs ms.
    private static readonly GoFlagTable?[] s_tables = new GoFlagTable?[s_releases.Length];

    /// <summary>
    /// The table of the newest known release not newer than <paramref name="version"/>'s language version
    /// (1.20 gets 1.19's, 1.25 gets 1.24's, 1.28 and later get 1.27's, anything before 1.19 gets 1.19's);
    /// null gets the newest.
    /// </summary>
    public static GoFlagTable For(GoVersion? version)
    {
        var index = GoReleaseTables.PickIndex(s_releases.Select(r => r.Minor).ToArray(), version);
        lock (s_tables)
        {
            return s_tables[index] ??= Build(index);
        }
    }

    /// <summary>The table of release <paramref name="index"/>: every block up to it applied in order, then materialised.</summary>
    private static GoFlagTable Build(int index)
    {
        var groups = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var flags = new Dictionary<string, List<(GoFlagKind Kind, bool IsBoolFlag, string[] Commands)>>(StringComparer.Ordinal);
        var analyzers = new Dictionary<string, List<(GoFlagKind Kind, bool IsBoolFlag, string[] Commands)>>(StringComparer.Ordinal);
        for (var i = 0; i <= index; i++)
        {
            Apply(s_releases[i].Flags, groups, flags);
            Apply(s_releases[i].Analyzers, groups, analyzers);
        }

        return new GoFlagTable($"1.{s_releases[index].Minor}", Materialize(flags, groups), Materialize(analyzers, groups));
    }

    private static void Apply(
        string data,
        Dictionary<string, string[]> groups,
        Dictionary<string, List<(GoFlagKind Kind, bool IsBoolFlag, string[] Commands)>> flags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in data.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '@')
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                groups[line[1..eq].Trim()] = Expand(Items(line[(eq + 1)..]), groups);
                continue;
            }

            var nameEnd = line.IndexOf(' ', StringComparison.Ordinal);
            var name = line[..nameEnd];
            var rest = line[nameEnd..].TrimStart();
            if (rest == "removed")
            {
                flags.Remove(name);
                continue;
            }

            var kindEnd = rest.IndexOf(' ', StringComparison.Ordinal);
            var (kind, isBoolFlag) = rest[..kindEnd] switch
            {
                "bool" => (GoFlagKind.Bool, true),
                "int" => (GoFlagKind.Int, false),
                "string" => (GoFlagKind.String, false),
                "other" => (GoFlagKind.Other, false),
                "other-bool" => (GoFlagKind.Other, true),
                var word => throw new InvalidOperationException($"GoFlagCatalog: unknown kind '{word}' for -{name}."),
            };
            if (seen.Add(name) || !flags.ContainsKey(name))
            {
                flags[name] = [];
            }

            // Kept as written: an entry that names a group follows later releases' redefinitions of it.
            flags[name].Add((kind, isBoolFlag, Items(rest[kindEnd..])));
        }
    }

    private static string[] Items(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string[] Expand(string[] items, Dictionary<string, string[]> groups)
    {
        var commands = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item[0] == '@')
            {
                commands.UnionWith(groups[item[1..]]);
            }
            else
            {
                commands.Add(item);
            }
        }

        return [.. commands];
    }

    private static List<GoFlagInfo> Materialize(
        Dictionary<string, List<(GoFlagKind Kind, bool IsBoolFlag, string[] Commands)>> flags,
        Dictionary<string, string[]> groups)
    {
        var result = new List<GoFlagInfo>(flags.Count);
        foreach (var (name, uses) in flags.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var kinds = new Dictionary<string, GoFlagKind>(StringComparer.Ordinal);
            var otherIsBoolFlag = false;
            var hasOther = false;
            foreach (var (kind, isBoolFlag, items) in uses)
            {
                foreach (var command in Expand(items, groups))
                {
                    kinds[command] = kind;
                }

                if (kind == GoFlagKind.Other)
                {
                    hasOther = true;
                    otherIsBoolFlag |= isBoolFlag;
                }
            }

            string[] all = [.. kinds.Keys.Order(StringComparer.Ordinal)];
            var primary = s_kindPreference.FirstOrDefault(kinds.ContainsKey) ?? all[0];
            var mixed = kinds.Values.Distinct().Count() > 1;
            result.Add(new GoFlagInfo(
                name,
                kinds[primary],
                all,
                hasOther ? s_otherValues[name] : null,
                otherIsBoolFlag,
                mixed ? kinds : null));
        }

        return result;
    }
}
