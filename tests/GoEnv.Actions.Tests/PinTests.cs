using System.Text.Json;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Core.Pinning;

namespace GoEnv.Actions.Tests;

/// <summary>`pin` and `verify` through the published binary, against every installed Go.</summary>
[TestClass]
public sealed class PinTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private readonly List<GoSandbox> _sandboxes = [];

    [TestCleanup]
    public void RemoveSandboxes()
    {
        foreach (var sandbox in _sandboxes)
        {
            sandbox.Dispose();
        }
    }

    /// <summary>The differential tests' sandbox (own HOME with telemetry off, a module, a file:// proxy), plus settings worth pinning.</summary>
    private (string Dir, Dictionary<string, string> Env) Sandbox(GoToolchain go)
    {
        var sandbox = GoSandbox.Create(go);
        _sandboxes.Add(sandbox);
        Directory.CreateDirectory(Path.Combine(sandbox.ModuleDirectory, "sub"));
        var env = new Dictionary<string, string>(sandbox.Environment) { ["GOFLAGS"] = "-mod=readonly", ["GOPRIVATE"] = "corp.example.com" };
        return (sandbox.ModuleDirectory, env);
    }

    private static ProcessResult Goenv(string dir, IReadOnlyDictionary<string, string> env, params string[] args) =>
        ChildProcess.Run(PublishedBinary.Path, args, dir, env, s_timeout);

    private static ProcessResult Sh(string dir, IReadOnlyDictionary<string, string> env, string script) =>
        ChildProcess.Run("/bin/sh", ["-c", script], dir, env, s_timeout);

    private static void ForEachGo(Func<GoToolchain, string?> test) => GoToolchains.AssertOnEach(test);

    [TestMethod]
    public void Pin_ShFileSourced_GoEnvReportsExactlyThePinnedValues() => ForEachGo(go =>
    {
        var (dir, env) = Sandbox(go);
        var pin = Goenv(dir, env, "pin", "--format", "sh", "--env-file", "goenv.sh");
        if (pin.ExitCode != 0)
        {
            return pin.Describe();
        }

        var pinned = EnvFileReader.Read(Path.Combine(dir, "goenv.sh"), EnvFileFormat.Sh).Variables;
        // A go env file written later (say by a tool's `go env -w`) must not change the pinned environment.
        var userFile = Path.Combine(env["HOME"], ".config", "go", "env");
        File.WriteAllText(userFile, "GOFLAGS=-mod=vendor\nGOPROXY=off\nGOTOOLCHAIN=go1.99.0\nGOSUMDB=off\n");
        var names = pinned.Keys.Where(n => n is not "GOENV" and not "GOWORK").ToList();
        var result = Sh(dir, env, ". ./goenv.sh && go env -json " + string.Join(' ', names));
        if (result.ExitCode != 0)
        {
            return result.Describe();
        }

        using var json = JsonDocument.Parse(result.StandardOutput);
        var wrong = names.Where(n => json.RootElement.GetProperty(n).GetString() != pinned[n].Value)
            .Select(n => $"{n}: pinned '{pinned[n].Value}', go env '{json.RootElement.GetProperty(n).GetString()}'").ToList();
        return wrong.Count == 0 ? null : string.Join("\n", wrong);
    });

    [TestMethod]
    public void Verify_EverySingleVariableDrift_IsNamed() => ForEachGo(go =>
    {
        var (dir, env) = Sandbox(go);
        var pin = Goenv(dir, env, "pin", "--format", "sh", "--env-file", "goenv.sh");
        if (pin.ExitCode != 0)
        {
            return pin.Describe();
        }

        var pinned = EnvFileReader.Read(Path.Combine(dir, "goenv.sh"), EnvFileFormat.Sh).Variables;
        var clean = Sh(dir, env, ". ./goenv.sh && \"$GOENV_ACTION\" verify --format sh --env-file goenv.sh".Replace("\"$GOENV_ACTION\"", PublishedBinary.Path, StringComparison.Ordinal));
        if (clean.ExitCode != 0)
        {
            return "verify right after pin: " + clean.Describe();
        }

        var problems = new List<string>();
        foreach (var name in pinned.Keys)
        {
            var other = name switch
            {
                "GOROOT" => GoToolchains.OtherThan(go)?.GoRoot,
                "GOOS" => "windows",
                "GOARCH" => "arm64",
                "CGO_ENABLED" => pinned[name].Value == "1" ? "0" : "1",
                "GOENV" => Path.Combine(dir, "other.env"),
                "GOTOOLCHAIN" => "auto",
                "GO111MODULE" => "on",
                "GOAMD64" => "v2",
                "GOWORK" => Path.Combine(dir, "go.work"),
                "GOFLAGS" => "-mod=mod",
                "GOEXPERIMENT" => null,
                _ => pinned[name].Value + (pinned[name].Value.StartsWith('/') ? "-other" : ",other.example.com"),
            };
            if (other is null)
            {
                continue;
            }

            if (name == "GOWORK")
            {
                File.WriteAllText(other, "go 1.19\n\nuse .\n");
            }

            var drift = Sh(dir, env, $". ./goenv.sh && {name}='{other}' {PublishedBinary.Path} verify --format sh --env-file goenv.sh");
            if (drift.ExitCode != 1 || !drift.StandardOutput.Contains($": {name} drifted:", StringComparison.Ordinal))
            {
                problems.Add($"{name}={other}: {drift.Describe()}");
            }
        }

        return problems.Count == 0 ? null : string.Join("\n\n", problems);
    });

    [TestMethod]
    public void Pin_SameInputsFromAnotherDirectoryAndEnvironmentOrder_IsByteIdentical()
    {
        var go = GoToolchains.Require()[^1];
        var (dir, env) = Sandbox(go);
        foreach (var format in EnvFileFormatNames.Words)
        {
            var first = Goenv(dir, env, "pin", "--format", format, "--env-file", Path.Combine(dir, "a." + format));
            var reversed = env.Reverse().ToDictionary(kv => kv.Key, kv => kv.Value);
            var second = Goenv(Path.Combine(dir, "sub"), reversed, "pin", "--format", format, "--env-file", Path.Combine(dir, "b." + format));
            Assert.AreEqual(0, first.ExitCode, first.Describe());
            Assert.AreEqual(0, second.ExitCode, second.Describe());
            CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(dir, "a." + format)), File.ReadAllBytes(Path.Combine(dir, "b." + format)), format);
        }
    }

    [TestMethod]
    public void Pin_CheckFails_WritesNothingAndKeepsThePreviousFile()
    {
        var go = GoToolchains.Require()[^1];
        var (dir, env) = Sandbox(go);
        var file = Path.Combine(dir, "goenv.env");
        File.WriteAllText(file, "PREVIOUS=1\n");
        env["GOFLAGS"] = "-typo";
        var pin = Goenv(dir, env, "pin");
        Assert.AreEqual(1, pin.ExitCode, pin.Describe());
        StringAssert.Contains(pin.StandardError, "nothing was pinned");
        Assert.AreEqual("PREVIOUS=1\n", File.ReadAllText(file));
        Assert.IsEmpty(Directory.GetFiles(dir, ".goenv-*"));
    }

    [TestMethod]
    public void Pin_CredentialsInGoProxy_NeverReachTheFileOrOutput()
    {
        const string secret = "pin-secret-token-4711";
        var go = GoToolchains.Require()[^1];
        var (dir, env) = Sandbox(go);
        env["GOPROXY"] = $"https://ci:{secret}@proxy.example.com,direct";
        foreach (var format in EnvFileFormatNames.Words)
        {
            var path = Path.Combine(dir, "pin." + format);
            var pin = Goenv(dir, env, "pin", "--format", format, "--env-file", path);
            Assert.AreEqual(0, pin.ExitCode, pin.Describe());
            Assert.DoesNotContain(secret, pin.Output);
            Assert.DoesNotContain(secret, File.ReadAllText(path));
            StringAssert.Contains(pin.StandardOutput, "GOPROXY carries credentials");
        }

        var summary = Goenv(dir, env, "pin", "--summary", "json");
        Assert.AreEqual(0, summary.ExitCode, summary.Describe());
        Assert.DoesNotContain(secret, summary.Output);
        using var json = JsonDocument.Parse(summary.StandardOutput);
        StringAssert.StartsWith(json.RootElement.GetProperty("cacheKeys").GetProperty("modules").GetString(), "goenv-modules-");
        Assert.IsFalse(json.RootElement.GetProperty("variables").EnumerateArray().Any(v => v.GetString() == "GOPROXY"));
    }

    [TestMethod]
    public void Pin_MatrixEntries_ShareTheModulesKeyButNotTheBuildKey()
    {
        var go = GoToolchains.Require()[^1];
        var (dir, env) = Sandbox(go);
        File.WriteAllText(Path.Combine(dir, "go.sum"), "example.org/dep v1.0.0 h1:x=\n");

        // Keys only: the module stops importing the dependency, whose go.sum line above no build could use.
        File.WriteAllText(Path.Combine(dir, "app.go"), "package app\n");
        Dictionary<string, string> Keys(params (string Name, string Value)[] set)
        {
            var matrixEnv = new Dictionary<string, string>(env);
            foreach (var (name, value) in set)
            {
                matrixEnv[name] = value;
            }

            var pin = Goenv(dir, matrixEnv, "pin", "--env-file", Path.Combine(dir, "k.env"));
            Assert.AreEqual(0, pin.ExitCode, pin.Describe());
            return pin.StandardOutput.Split('\n').Where(l => l.StartsWith("cache-key", StringComparison.Ordinal))
                .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)], l => l[(l.IndexOf(':', StringComparison.Ordinal) + 2)..]);
        }

        var baseline = Keys();
        var again = Keys();
        CollectionAssert.AreEquivalent(baseline, again, "same inputs, same keys");
        foreach (var change in new[] { ("GOARCH", "arm64"), ("GOOS", "windows"), ("CGO_ENABLED", "0"), ("GOFLAGS", "-mod=readonly -trimpath") })
        {
            var other = Keys(change);
            Assert.AreEqual(baseline["cache-key-modules"], other["cache-key-modules"], change.Item1);
            Assert.AreNotEqual(baseline["cache-key"], other["cache-key"], change.Item1);
        }

        File.AppendAllText(Path.Combine(dir, "go.sum"), "example.org/dep v1.0.0/go.mod h1:y=\n");
        Assert.AreNotEqual(baseline["cache-key-modules"], Keys()["cache-key-modules"], "go.sum changed");
    }

    [TestMethod]
    public void Pin_GoVersionFileNewerThanAnyInstall_FailsListingWhatIsInstalled()
    {
        var go = GoToolchains.Require()[0];
        var (dir, env) = Sandbox(go);
        File.WriteAllText(Path.Combine(dir, "go.mod"), "module example.com/app\n\ngo 1.99\n");
        var pin = Goenv(dir, env, "pin", "--go-version-file", "go.mod");
        Assert.AreEqual(1, pin.ExitCode, pin.Describe());
        StringAssert.Contains(pin.StandardError, "no installed Go satisfies go >= 1.99");
        StringAssert.Contains(pin.StandardError, "go" + go.Version.TrimStart('g', 'o'));
        Assert.IsFalse(File.Exists(Path.Combine(dir, "goenv.env")));
    }

    [TestMethod]
    public void Pin_SeveralInstalls_PinsTheNewestThatSatisfiesGoMod()
    {
        var all = GoToolchains.Require();
        if (all.Count < 2)
        {
            Assert.Inconclusive("needs two toolchains");
        }

        // Offer the toolchains the way actions/setup-go lays them out, so the test does not depend on /usr/lib.
        var (dir, env) = Sandbox(all[0]);
        var toolCache = Path.Combine(dir, "toolcache");
        foreach (var t in all)
        {
            Directory.CreateDirectory(Path.Combine(toolCache, "go", t.Version));
            Directory.CreateSymbolicLink(Path.Combine(toolCache, "go", t.Version, "x64"), t.GoRoot);
        }

        env["RUNNER_TOOL_CACHE"] = toolCache;
        var wanted = all[^2];
        File.WriteAllText(Path.Combine(dir, "go.mod"), $"module example.com/app\n\ngo {wanted.Major}.{wanted.Minor}\n\ntoolchain {wanted.Version}\n\nrequire {DependencyModule.Path} {DependencyModule.Version}\n");
        var pin = Goenv(dir, env, "pin", "--go-version-file", "go.mod");
        if (!wanted.IsAtLeast(21))
        {
            return;
        }

        Assert.AreEqual(0, pin.ExitCode, pin.Describe());
        StringAssert.Contains(pin.StandardOutput, $"for {wanted.Version} ");
    }

    [TestMethod]
    public void Pin_ToolchainChoice_CommandLineOverPolicyOverLocal()
    {
        var go = GoToolchains.Require()[^1];
        var (dir, env) = Sandbox(go);
        string Pinned(params string[] args)
        {
            var pin = Goenv(dir, env, ["pin", "--ci", "none", .. args]);
            Assert.AreEqual(0, pin.ExitCode, pin.Describe());
            return EnvFileReader.Read(Path.Combine(dir, "goenv.env"), EnvFileFormat.Dotenv).Variables["GOTOOLCHAIN"].Value;
        }

        env["GOTOOLCHAIN"] = "auto";
        Assert.AreEqual("local", Pinned(), "no toolchain downloads behind the user's back by default");
        Assert.AreEqual("auto", Pinned("--toolchain", "auto"));
        Assert.AreEqual(go.Version, Pinned("--toolchain", go.Version));

        File.WriteAllText(Path.Combine(dir, ".goenv.yml"), "go:\n  toolchain: auto\n");
        Assert.AreEqual("auto", Pinned(), "the policy's go.toolchain");
        Assert.AreEqual(go.Version, Pinned("--toolchain", go.Version), "the command line wins over the policy");

        var bad = Goenv(dir, env, "pin", "--toolchain", "go1.22+bogus");
        Assert.AreEqual(2, bad.ExitCode, bad.Describe());
        StringAssert.Contains(bad.StandardError, "--toolchain");
    }

    /// <summary>
    /// runc's shape (go.mod asks for the next release, GOTOOLCHAIN=auto, a network proxy): check only warns, since Go
    /// would download the toolchain, but a pin of GOTOOLCHAIN=local with this go would break every later command. pin
    /// must pin an installed toolchain that satisfies go.mod (here: the next installed one, on PATH behind the first),
    /// in which real Go then runs `go list -m`, or refuse and write nothing when none is installed.
    /// </summary>
    [TestMethod]
    public void Pin_GoModNeedsANewerGoThanTheOneOnPath_PinsAnInstalledOneOrRefuses() => ForEachGo(go =>
    {
        if (!go.IsAtLeast(21))
        {
            return null;
        }

        var (dir, env) = Sandbox(go);
        var next = $"1.{go.Minor + 1}.0";
        File.WriteAllText(Path.Combine(dir, "go.mod"), $"module example.com/app\n\ngo {next}\n");
        File.WriteAllText(Path.Combine(dir, "app.go"), "package app\n");
        File.Delete(Path.Combine(dir, "go.sum"));
        var newer = GoToolchains.All.FirstOrDefault(t => t.Minor > go.Minor);
        env["GOTOOLCHAIN"] = "auto";
        env["GOPROXY"] = "https://proxy.golang.org";
        env["PATH"] = go.BinDirectory + (newer is null ? "" : ":" + newer.BinDirectory) + ":/usr/bin:/bin";
        var pin = Goenv(dir, env, "pin", "--format", "sh", "--env-file", "goenv.sh");
        var file = Path.Combine(dir, "goenv.sh");
        if (newer is null)
        {
            return pin.ExitCode == 1 && !File.Exists(file) && pin.Output.Contains($"no installed Go satisfies go >= {next}", StringComparison.Ordinal)
                ? null
                : "expected a refusal naming the requirement and nothing written: " + pin.Describe();
        }

        if (pin.ExitCode != 0)
        {
            return pin.Describe();
        }

        // The newest installed toolchain that satisfies go.mod (on PATH or in /usr/lib/go-*), as --go-version-file picks.
        var pinned = EnvFileReader.Read(file, EnvFileFormat.Sh).Variables;
        var pinnedVersion = GoToolchains.All.FirstOrDefault(t => GoEnv.Core.Discovery.GoLocator.RealDirectory(t.GoRoot) == pinned["GOROOT"].Value);
        if (pinnedVersion is null || pinnedVersion.Minor <= go.Minor || pinned["GOTOOLCHAIN"].Value != "local" || !pin.Output.Contains($"asks for go {next}", StringComparison.Ordinal))
        {
            return $"pinned GOROOT={pinned["GOROOT"].Value} GOTOOLCHAIN={pinned["GOTOOLCHAIN"].Value}, expected a go ≥ {next} and local, with a note: " + pin.Describe();
        }

        var list = Sh(dir, env, $". ./goenv.sh && PATH=\"$GOROOT/bin:$PATH\" && go list -m && {PublishedBinary.Path} verify --format sh --env-file goenv.sh");
        return list.ExitCode == 0 && list.StandardOutput.Contains("example.com/app", StringComparison.Ordinal) ? null : "real Go or verify refused the pinned environment: " + list.Describe();
    });

    /// <summary>What check cannot see (a go.mod line Go cannot parse), real Go's confirmation catches: nothing is written.</summary>
    [TestMethod]
    public void Pin_RealGoRefusesThePinnedEnvironment_WritesNothingAndQuotesGo() => ForEachGo(go =>
    {
        var (dir, env) = Sandbox(go);
        File.AppendAllText(Path.Combine(dir, "go.mod"), "\nrequire example.com/x\n");
        var pin = Goenv(dir, env, "pin", "--format", "sh", "--env-file", "goenv.sh");
        var leftovers = Directory.GetFiles(dir, ".goenv-*.tmp");
        return pin.ExitCode == 1 && !File.Exists(Path.Combine(dir, "goenv.sh")) && leftovers.Length == 0
            && pin.Output.Contains("usage: require module/path v1.2.3", StringComparison.Ordinal) && pin.Output.Contains("`go list ", StringComparison.Ordinal)
            ? null
            : $"expected exit 1 with Go's message, no file and no temp file ({leftovers.Length} left): " + pin.Describe();
    });

    /// <summary>verify runs the same confirmation: a step whose go.mod now asks for more than the pinned Go fails with Go's message.</summary>
    [TestMethod]
    public void Verify_RealGoRefusesTheStep_FailsWithGosMessage() => ForEachGo(go =>
    {
        if (!go.IsAtLeast(21))
        {
            return null;
        }

        var (dir, env) = Sandbox(go);
        var pin = Goenv(dir, env, "pin", "--format", "sh", "--env-file", "goenv.sh");
        if (pin.ExitCode != 0)
        {
            return pin.Describe();
        }

        var next = $"1.{go.Minor + 1}.0";
        File.WriteAllText(Path.Combine(dir, "go.mod"), $"module example.com/app\n\ngo {next}\n");
        var verify = Sh(dir, env, $". ./goenv.sh && {PublishedBinary.Path} verify --format sh --env-file goenv.sh");
        return verify.ExitCode == 1 && verify.Output.Contains($"go.mod requires go >= {next}", StringComparison.Ordinal) && verify.Output.Contains("real Go refuses", StringComparison.Ordinal)
            ? null
            : "expected exit 1 quoting Go: " + verify.Describe();
    });

    /// <summary>
    /// A cache program set with `go env -w` lives in the go env file, which the pin's GOENV=off hides from later steps:
    /// pin must carry it (Go 1.24+), and leave it to the job's secrets when its arguments hold a token.
    /// </summary>
    [TestMethod]
    public void Pin_GoCacheProgFromTheGoEnvFile_SurvivesGoEnvOff_UnlessItHoldsAToken() => ForEachGo(go =>
    {
        if (!go.IsAtLeast(24))
        {
            return null;
        }

        var (dir, env) = Sandbox(go);
        var program = Path.Combine(dir, "..", "cache-prog.sh");
        File.WriteAllText(program, ScenarioCatalog.CacheProgram);
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        program = Path.GetFullPath(program);
        var set = ChildProcess.Run(go.GoBinary, ["env", "-w", "GOCACHEPROG=" + program + " --dir=/tmp"], dir, env, s_timeout);
        if (set.ExitCode != 0)
        {
            return set.Describe();
        }

        var pin = Goenv(dir, env, "pin", "--format", "sh", "--env-file", "goenv.sh");
        if (pin.ExitCode != 0)
        {
            return pin.Describe();
        }

        var list = Sh(dir, env, ". ./goenv.sh && echo \"GOENV=$GOENV\" && go env GOCACHEPROG");
        if (list.StandardOutput != "GOENV=off\n" + program + " --dir=/tmp\n")
        {
            return "the pinned environment lost GOCACHEPROG: " + list.Describe();
        }

        const string token = "cache-token-9f8e7d6c";
        File.Delete(Path.Combine(dir, "goenv.sh"));
        ChildProcess.Run(go.GoBinary, ["env", "-w", $"GOCACHEPROG={program} --token={token}"], dir, env, s_timeout);
        var secret = Goenv(dir, env, "pin", "--format", "sh", "--env-file", "goenv.sh");
        var written = File.Exists(Path.Combine(dir, "goenv.sh")) ? File.ReadAllText(Path.Combine(dir, "goenv.sh")) : "";
        return secret.ExitCode == 0 && !written.Contains("GOCACHEPROG", StringComparison.Ordinal) && !secret.Output.Contains(token, StringComparison.Ordinal)
            && secret.Output.Contains("GOCACHEPROG carries credentials", StringComparison.Ordinal)
            ? null
            : "a GOCACHEPROG with a token must be left out of the file, with a note, and never printed: " + secret.Describe() + "\n" + written;
    });
}
