using System.Diagnostics;
using System.Text;
using CsCheck;
using GoEnv.Core.Discovery;
using GoEnv.Core.Git;
using GoEnv.Core.Go;
using GoEnv.Core.Pinning;
using GoEnv.Core.Policy;
using GoEnv.Core.Tests.Caching;
using GoEnv.Core.Tests.Git;

namespace GoEnv.Core.Tests.Properties;

/// <summary>
/// Every parser of user-controlled input returns a result (or its documented refusal) for arbitrary text, arbitrary
/// bytes read as UTF-8, and token soups of its own grammar; those that read files also from the file's raw bytes.
/// Any other exception is a failure.
/// </summary>
[TestClass]
public sealed class ParserProperties
{
    private static readonly GoVersion?[] s_versions = [null, GoVersion.Parse("go1.20.14"), GoVersion.Parse("go1.22.12")];

    private static readonly string[] s_versionTokens =
    [
        "go", "1", "1.", "1.22", "1.22.3", "1.21rc1", "1.22beta2", "alpha1", "rc", "0", "01", ".", "..", "x", ".x", "999999999", "1000000000",
        "99999999999999999999", "-", "-custom", " ", "\t", "+", "+auto", "+path", "local", "auto", "path", "/", "\\", "=", ">=", "<", ">", "<=", ",",
    ];

    private static readonly string[] s_goFlagsTokens = ["-mod=readonly", "-mod=mod", "-tags=a,b", "'", "\"", " ", "\t", "\n", "\r", "-x", "--", "=", "-ldflags='-s -w'", "-gcflags=all=-N", "-trimpath", "-"];

    private static readonly string[] s_goProxyTokens =
    [
        "https://proxy.golang.org", "direct", "off", ",", "|", "http://", "https://", "file:///", "file://", "file:", "//", "[", "]", "[::1]", ":", "@",
        "user:pass@", "proxy.example.com", ":8080", ":port", " ", "?", "#", "/", "\\", "C:\\", "%", "%zz", "HTTPS://", "1http:", "a+b-c.d:",
    ];

    private static readonly string[] s_goSumDbTokens =
    [
        "off", "sum.golang.org", "sum.golang.google.cn", "+", "033de0ae", "Ac4zctda0e5eza+HJyk9SxEdh+s3Ab2bT/W5D8Gn3s4V",
        "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ab2bT/W5D8Gn3s4V", " ", "\t", "https://", "[", "]", ":", "=", "AQ==", "AA", "/", "?", "#", "@", "ffffffff",
    ];

    private static readonly string[] s_patternTokens = ["*", "?", "[", "]", "^", "-", "\\", "/", ",", "a-z", "[a-z]", "[^a]", "[]", "example.com", "github.com/org", "**", " ", "a", "*a"];

    private static readonly string[] s_moduleTokens =
    [
        "module", "go", "toolchain", "require", "use", "replace", "exclude", "retract", "godebug", "(", ")", "//", "\"", "`", "\\\"", "=>", "v1.2.3",
        "example.com/m", "1.22", "go1.22.3", "\n", "\r\n", " ", "\t", "/*", "./sub", "..",
    ];

    private static readonly string[] s_goEnvTokens = ["GOFLAGS=", "GOPROXY=", "=", "\n", "\r\n", "\r", "#", "export ", " ", "A", "a", "\uFEFF", "GO PRIVATE =", "GOPRIVATE", "-mod=mod"];

    private static readonly string[] s_envFileTokens =
    [
        "export ", "$env:", "NAME", "GOFLAGS", "=", " = ", "'", "\\'", "'\\''", "\u2018", "\u2019", "''", "#", "# goenv pin: go1.22 sha256:abc", "\n", "\r\n", "{", "}",
        "\"goVersion\"", "\"sha256\"", "\"environment\"", ":", ",", "[", "]", "\"", "GOENV_PIN_SHA256=", "\uFEFF", "null", "1", "true", "\\u0000", "/*", "x",
    ];

    private static readonly string[] s_yamlKeys =
    [
        "go", "version", "toolchain", "require", "rules", "output", "format", "strict", "equals", "oneOf", "not", "contains", "notContains", "scheme",
        "GOFLAGS", "GOPROXY", "GOSUMDB", "GOPRIVATE", "GOENV0081", "goenv0140", "GOENV0141", "? complex", "<<", "\"quoted\"", "'single'", "&a anchored", "!!str tagged", "",
    ];

    private static readonly string[] s_yamlValues =
    [
        "", "1.22", ">=1.22 <1.24", "1.22.x", "go1.22", "1.999999999", "1.999999999.x", "<1.0", "=1.22.3", "1.22.3.x", "local", "auto", "go1.22.3", "go1.22.3+auto",
        "text", "json", "true", "false", "True", "yes", "~", "null", "error", "ignore", "notice", "https", "ftp", "[\"-mod=mod\"]", "[]", "{}", "[a, b]", "- x",
        "*a", "&a x", "!!int 1", "!!str true", "!custom x", "|", ">", "\"a\\nb\"", "'it''s'", "{ equals: x }", "[[[[[[", "]]", "\"unterminated", "%", "@", "`",
    ];

    private static readonly string[] s_netrcTokens = ["machine", "login", "password", "default", "macdef", "account", " ", "\t", "\n", "\r\n", "\n\n", "git.corp.example", "127.0.0.1", "u", "p4ss", "#", "\"", "\\"];

    private static readonly string[] s_gitConfigTokens =
    [
        "[url \"", "https://git.corp.example/", "\"]", "\n", "\r\n", "\tinsteadOf = ", "insteadOf", "[credential]", "helper = ", "!f() { echo; }; f", "[http \"https://x/\"]",
        "extraheader = AUTHORIZATION: basic dTpw", "[include]", "path = ", "/nonexistent", "~/x", "[includeIf \"gitdir:/x/\"]", "[", "]", "\"", "\\", ";", "#", "=", " ", "\t",
        "[core]", "sshCommand = ssh -i k", "askPass = a", "[url \"file:///x\"]", "ssh://git@h/", "git@h:", "*.corp.example",
    ];

    [TestMethod]
    public void Netrc_ArbitraryTextAndBytes_ParsedWithLinesInRange() =>
        PropertyRun.Check(Gen.Select(Input(s_netrcTokens), Hostile.Bytes), c =>
        {
            var netrc = NetrcFile.Parse("/h/.netrc", c.Item1);
            var lines = c.Item1.Split('\n').Length;
            Assert.AreEqual(netrc.Machines.Count, netrc.Passwords.Count);
            Assert.IsTrue(netrc.Machines.All(m => m.Line >= 1 && m.Line <= lines && m.Machine.Length > 0 && m.Login.Length > 0));
            WithFile(c.Item2, ".netrc", path => Assert.IsNotNull(NetrcFile.Read(path)));
        });

    [TestMethod]
    public void Netrc_LargerThanTheBound_NotRead()
    {
        WithFile(new byte[NetrcFile.MaxBytes + 1], ".netrc", path => Assert.IsNull(NetrcFile.Read(path)));
    }

    [TestMethod]
    public void GitConfig_LargerThanTheBound_NotRead()
    {
        var home = Path.Combine(Path.GetTempPath(), "goenv-property-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        try
        {
            var line = "[url \"file:///x\"]\n\tinsteadOf = https://git.corp.example/\n";
            File.WriteAllText(Path.Combine(home, ".gitconfig"), string.Concat(Enumerable.Repeat(line, (int)(GitConfigReader.MaxBytes / line.Length) + 1)));
            Assert.IsEmpty(GitConfigReader.Read(new HostEnvironment([new("HOME", home), new("GIT_CONFIG_NOSYSTEM", "1")], home, HostOs.Linux)));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Git configuration files of git's own grammar and of noise, read with libgit2 and used to resolve a repository's access.</summary>
    [TestMethod]
    public void GitConfig_ArbitraryFiles_ReadAndResolvedWithoutThrowing() =>
        PropertyRun.Check(Gen.Select(Input(s_gitConfigTokens), Input(s_netrcTokens), Gen.Bool), c =>
        {
            var home = Path.Combine(Path.GetTempPath(), "goenv-property-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(home);
            try
            {
                File.WriteAllBytes(Path.Combine(home, ".gitconfig"), Encoding.UTF8.GetBytes(c.Item1));
                File.WriteAllBytes(Path.Combine(home, ".netrc"), Encoding.UTF8.GetBytes(c.Item2));
                var host = new HostEnvironment([new("HOME", home), new("GIT_CONFIG_NOSYSTEM", "1"), new("GIT_CONFIG_COUNT", "1"), new("GIT_CONFIG_KEY_0", c.Item1.Length > 40 ? c.Item1[..40] : c.Item1), new("GIT_CONFIG_VALUE_0", c.Item2)], home, HostOs.Linux);
                var watch = Stopwatch.StartNew();
                var entries = GitConfigReader.Read(host);
                Assert.IsTrue(entries.All(e => e.Key.Length > 0 && e.Line >= 0));
                var access = new FetchAccess(host);
                var result = access.Of(new GoEnv.Core.Modules.ModuleRepository(c.Item3 ? "git.corp.example/team/lib.git" : "github.com/o/r", "git", c.Item3));
                Assert.IsNotNull(result.Url);
                access.PrivateEvidence("git.corp.example/team/lib.git");
                Assert.IsLessThan(5_000, watch.ElapsedMilliseconds, "reading took seconds");
            }
            finally
            {
                Directory.Delete(home, recursive: true);
            }
        });

    [TestMethod]
    public void GoFlags_ArbitraryText_TokenizedForEveryGoVersion() =>
        PropertyRun.Check(Gen.Select(Input(s_goFlagsTokens), Gen.OneOf(s_versions)), c =>
        {
            var words = GoFlagsTokenizer.Split(c.Item1, c.Item2, out _);
            Assert.IsTrue(words.All(w => w.Text is not null));
        });

    [TestMethod]
    public void GoProxy_ArbitraryText_ParsedOrRejectedWithGoError() =>
        PropertyRun.Check(Input(s_goProxyTokens), text =>
        {
            var result = GoProxyList.Parse(text);
            Assert.IsNotNull(result);
        });

    [TestMethod]
    public void GoSumDb_ArbitraryText_ValidatedWithoutThrowing() =>
        PropertyRun.Check(Input(s_goSumDbTokens), text =>
        {
            GoSumDb.Validate(text, out _);
            GoSumDb.ValidateVerifierKey(text, out _);
        });

    [TestMethod]
    public void ModulePathPatterns_ArbitraryGlobsAndPaths_MatchedQuicklyWithoutThrowing()
    {
        var paths = Gen.Frequency((2, Gen.OneOf("github.com/org/repo", "example.com/m/v2", "a/b/c/d/e/f", new string('a', 120), "")), (2, Input(s_patternTokens)));
        PropertyRun.Check(Gen.Select(Input(s_patternTokens), paths), c =>
        {
            var (globs, path) = c;
            var watch = Stopwatch.StartNew();
            ModulePathPatterns.Matches(globs, path);
            foreach (var glob in ModulePathPatterns.Split(globs))
            {
                ModulePathPatterns.Problem(glob);
                ModulePathPatterns.PathMatch(glob, path);
            }

            // Go's path.Match is polynomial; a pattern must never hang the check.
            Assert.IsLessThan(5_000, watch.ElapsedMilliseconds, "matching took seconds");
        });
    }

    [TestMethod]
    public void GoToolchainAndGoVersion_ArbitraryText_ParsedWithoutThrowing() =>
        PropertyRun.Check(Input(s_versionTokens), text =>
        {
            GoToolchainSetting.Parse(text, out _);
            GoToolchainSetting.FromToolchain(text);
            GoToolchainSetting.IsValidVersion(text);
            var version = GoVersion.Parse(text);
            var strict = GoVersion.ParseStrict(text);
            if (version is not null && strict is not null)
            {
                _ = version.CompareTo(strict) + strict.CompareTo(version);
                _ = version.Language + version.GetHashCode();
            }
        });

    [TestMethod]
    public void ModuleFile_ArbitraryGoModAndGoWork_ParsedAndReadWithoutThrowing() =>
        PropertyRun.Check(Gen.Select(Input(s_moduleTokens), Hostile.Bytes, Gen.Bool), c =>
        {
            var (text, bytes, work) = c;
            ModuleFile.Parse(work ? "/w/go.work" : "/w/go.mod", text);
            WithFile(bytes, work ? ".work" : "-go.mod", path =>
            {
                var file = ModuleFile.Read(path);
                Assert.IsNull(file.ReadError);
            });
        });

    [TestMethod]
    public void GoEnvFile_ArbitraryTextAndBytes_ParsedAndReadWithoutThrowing() =>
        PropertyRun.Check(Gen.Select(Input(s_goEnvTokens), Hostile.Bytes), c =>
        {
            GoEnvFile.Parse("/h/go/env", c.Item1);
            WithFile(c.Item2, "-env", path => Assert.IsNull(GoEnvFile.Read(path).ReadError));
        });

    [TestMethod]
    public void PolicyLoader_ArbitraryYaml_FindingsNeverExceptions()
    {
        var line = Gen.Select(
            Gen.OneOf("", "  ", "    ", "- ", "  - ", "\t", "? "),
            Gen.Frequency((6, Gen.OneOf(s_yamlKeys)), (1, Hostile.Text)),
            Gen.OneOf(": ", ":", " : ", ":\n  ", ""),
            Gen.Frequency((6, Gen.OneOf(s_yamlValues)), (1, Hostile.Text)),
            (indent, key, colon, value) => indent + key + colon + value);
        var yaml = Gen.Frequency((6, line.Array[0, 14].Select(l => string.Join('\n', l))), (2, Input(s_yamlValues.Concat(s_yamlKeys).Concat(["\n", ": ", "  "]).ToArray())));
        PropertyRun.Check(Gen.Select(yaml, Hostile.Bytes), c =>
        {
            Use(PolicyLoader.Parse(c.Item1, "/w/.goenv.yml"));
            WithFile(c.Item2, ".goenv.yml", path => Use(PolicyLoader.Load(path)));
        });
    }

    [TestMethod]
    public void GitIndexFile_MutatedRealIndexes_ParsedOrDeclinedNeverThrown()
    {
        // Real indexes of versions 2–4 written by git, with bytes overwritten, inserted and cut, and (mostly) the
        // trailer recomputed, so that the damage reaches the entry and extension parsing behind the checksum.
        var wanted = new HashSet<string>(["go.sum", "a/go.sum", "a/b/go.sum", "zz/go.sum"], StringComparer.Ordinal);
        var indexes = RealIndexes(wanted);
        var edit = Gen.Select(Gen.Int[0, 4095], Gen.Byte, Gen.OneOf(0, 1, 2));
        PropertyRun.Check(Gen.Select(Gen.Int[0, indexes.Length - 1], edit.Array[0, 6], Gen.Int[-1, 4095], Gen.Int[0, 4].Select(i => i == 0)), c =>
        {
            var (which, edits, cut, keepTrailer) = c;
            var body = indexes[which][..^20].ToList();
            foreach (var (position, value, kind) in edits)
            {
                var at = position % (body.Count + 1);
                if (kind == 0 && at < body.Count)
                {
                    body[at] = value;
                }
                else if (kind == 1)
                {
                    body.Insert(at, value);
                }
                else if (at < body.Count)
                {
                    body.RemoveAt(at);
                }
            }

            if (cut >= 0 && cut < body.Count)
            {
                body.RemoveRange(cut, body.Count - cut);
            }

            var bytes = keepTrailer ? [.. body, .. indexes[which][^20..]] : GitIndexFileTests.WithChecksum([.. body]);
            var entries = GitIndexFile.Parse(bytes, wanted);
            Assert.IsTrue(entries is null || entries.All(e => wanted.Contains(e.Path) && e.ObjectId.Length == 40));
        });
    }

    [TestMethod]
    public void PolicyVersionRange_ArbitraryText_ParsedAndEvaluatedWithoutThrowing() =>
        PropertyRun.Check(Input(s_versionTokens), text =>
        {
            var range = PolicyVersionRange.Parse(text, out var error);
            Assert.IsTrue(range is not null || error is not null);
            if (range is not null)
            {
                foreach (var v in new[] { "1.21", "1.22.3", "1.24rc1", "1.999999999.1" })
                {
                    range.Contains(GoVersion.ParseStrict(v)!);
                }
            }
        });

    [TestMethod]
    public void EnvFileReader_ArbitraryTextAndBytes_ParsedOrFormatException() =>
        PropertyRun.Check(Gen.Select(Input(s_envFileTokens), Hostile.Bytes, Gen.OneOf(Enum.GetValues<EnvFileFormat>())), c =>
        {
            var (text, bytes, format) = c;
            try
            {
                EnvFileReader.Parse(text, format);
            }
            catch (FormatException)
            {
            }

            WithFile(bytes, ".env", path =>
            {
                try
                {
                    EnvFileReader.Read(path, format);
                }
                catch (FormatException)
                {
                }
            });
        });

    /// <summary>Arbitrary text, arbitrary bytes read as UTF-8, and soups of the parser's own tokens mixed with hostile text.</summary>
    private static Gen<string> Input(string[] tokens) => Gen.Frequency(
        (3, Hostile.Text),
        (2, Hostile.Bytes.Select(b => Encoding.UTF8.GetString(b))),
        (5, Gen.Frequency((5, Gen.OneOf(tokens)), (1, Hostile.Text)).Array[0, 24].Select(string.Concat)));

    /// <summary>Touches what a policy holds, as the evaluator would.</summary>
    private static void Use(PolicyLoadResult result)
    {
        Assert.AreEqual(result.Errors.Count > 0, result.Policy is null, "either a policy or findings");
        if (result.Policy is { } policy)
        {
            policy.GoVersion?.Contains(GoVersion.ParseStrict("1.22.3")!);
            _ = policy.Requirements.Count + policy.RuleSettings.Count;
        }
    }

    /// <summary>Indexes of versions 2, 3 (with extended flags) and 4 of one small repository, as git writes them.</summary>
    private static byte[][] RealIndexes(IEnumerable<string> paths)
    {
        using var temp = GitIndexFileTests.RepositoryWith(paths);
        var result = new List<byte[]>();
        foreach (var version in (string[])["2", "3", "4"])
        {
            GitCli.Run(temp.Path, "update-index", "--index-version", version);
            if (version == "3")
            {
                GitCli.Run(temp.Path, "update-index", "--skip-worktree", "a/go.sum");
            }

            result.Add(File.ReadAllBytes(GitIndexFileTests.IndexPath(temp)));
        }

        return [.. result];
    }

    private static void WithFile(byte[] bytes, string suffix, Action<string> read)
    {
        var path = Path.Combine(Path.GetTempPath(), "goenv-property-" + Guid.NewGuid().ToString("N") + suffix);
        File.WriteAllBytes(path, bytes);
        try
        {
            read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
