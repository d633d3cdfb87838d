using System.Text;
using System.Text.RegularExpressions;
using GoEnv.Core.Ci.GitHub;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Ci.GitHub;

[TestClass]
public sealed partial class GitHubFileCommandsTests
{
    /// <summary>One-line values that break naive writers: each must come back byte for byte.</summary>
    private static readonly string[] s_oneLineValues =
    [
        "",
        " ",
        "  padded  ",
        "a b  c",
        "-mod=readonly -tags=a,b",
        "https://proxy.example.com,direct",
        "C:\\go\\bin;D:\\x",
        "key: value",
        "100% %PATH% %0A %0D %25 %3A %2C",
        "::error::forged",
        "::set-env name=NODE_OPTIONS::--require /tmp/evil.js",
        "##[add-path]/tmp/evil",
        "ghadelimiter_",
        "ghadelimiter_00000000000000000000000000000000",
        "ghadelimiter_0123456789abcdef0123456789ABCDEF",
        "<<EOF",
        "EOF",
        "NAME<<EOF",
        "NAME=value",
        "=",
        "<<",
        "$(id) `id` ${HOME} 'x' \"y\"",
        "\t tab",
        "héllo 日本語 Ünïcödé",
        "😀 👨‍👩‍👧 emoji",
        "\u00A0nbsp\u2028line-separator\u0085nel",
        "\uFEFFbom-like",
    ];

    [TestMethod]
    public void AppendEnv_AdversarialValues_RunnerReadsExactlyTheseVariables()
    {
        using var files = new RunnerFileCommands();
        var variables = s_oneLineValues.Select((v, i) => new KeyValuePair<string, string>($"GOENV_TEST_{i}", v)).ToList();

        GitHubFileCommands.AppendEnv(files.Env, variables);

        AssertEnvFile(files.Env, variables);
    }

    [TestMethod]
    public void AppendEnv_GoAndCgoNames_Accepted()
    {
        using var files = new RunnerFileCommands();
        var variables = new List<KeyValuePair<string, string>>
        {
            new("GO", "x"), new("GOFLAGS", "-mod=readonly"), new("GOAMD64", "v3"), new("CGO_ENABLED", "0"), new("CGO_CFLAGS", "-O2 -g"), new("GOENV_PIN_SHA256", "ab"),
        };

        GitHubFileCommands.AppendEnv(files.Env, variables);

        AssertEnvFile(files.Env, variables);
    }

    [TestMethod]
    public void AppendEnv_EmptyFile_NoBomAndLfOnly()
    {
        using var files = new RunnerFileCommands();

        GitHubFileCommands.AppendEnv(files.Env, [new("GOFLAGS", "héllo")]);

        var bytes = File.ReadAllBytes(files.Env);
        Assert.IsFalse(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no BOM");
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.AreEqual((byte)'\n', bytes[^1]);
    }

    [TestMethod]
    public void AppendEnv_EachRecord_HeredocWithAFreshRandomDelimiter()
    {
        using var files = new RunnerFileCommands();

        GitHubFileCommands.AppendEnv(files.Env, Enumerable.Range(0, 50).Select(i => new KeyValuePair<string, string>($"GOX{i}", "v")).ToList());

        var headers = File.ReadAllLines(files.Env).Where(l => l.StartsWith("GOX", StringComparison.Ordinal)).ToList();
        Assert.HasCount(50, headers);
        var delimiters = headers.Select(h => h[(h.IndexOf("<<", StringComparison.Ordinal) + 2)..]).ToList();
        foreach (var delimiter in delimiters)
        {
            Assert.IsTrue(DelimiterPattern().IsMatch(delimiter), delimiter);
        }

        CollectionAssert.AllItemsAreUnique(delimiters);
    }

    [TestMethod]
    public void AppendEnv_AfterOtherWriters_KeepsTheirRecordsAndAddsOurs()
    {
        using var files = new RunnerFileCommands();
        File.WriteAllText(files.Env, "OTHER=1\nMULTI<<EOF\nx\nEOF\n");

        GitHubFileCommands.AppendEnv(files.Env, [new("GOFLAGS", "-mod=mod")]);
        GitHubFileCommands.AppendEnv(files.Env, [new("GOPROXY", "off")]);

        CollectionAssert.AreEqual(
            new[] { ("OTHER", "1"), ("MULTI", "x"), ("GOFLAGS", "-mod=mod"), ("GOPROXY", "off") },
            GitHubRunner.ReadEnvFile(files.Env).ToArray());
    }

    [TestMethod]
    [DataRow("NODE_OPTIONS")]
    [DataRow("node_options")]
    [DataRow("PATH")]
    [DataRow("Path")]
    [DataRow("CI")]
    [DataRow("GITHUB_ENV")]
    [DataRow("GITHUB_PATH")]
    [DataRow("RUNNER_TEMP")]
    [DataRow("ACTIONS_ALLOW_UNSECURE_COMMANDS")]
    [DataRow("actions_allow_unsecure_commands")]
    [DataRow("BASH_ENV")]
    [DataRow("ENV")]
    [DataRow("LD_PRELOAD")]
    [DataRow("DYLD_INSERT_LIBRARIES")]
    [DataRow("PROMPT_COMMAND")]
    [DataRow("JAVA_TOOL_OPTIONS")]
    [DataRow("DOTNET_STARTUP_HOOKS")]
    [DataRow("HOME")]
    [DataRow("MY_VAR")]
    [DataRow("GoPath")]
    [DataRow("gopath")]
    [DataRow("GOFLAGS=1")]
    [DataRow("EVIL=1\nNODE_X")]
    [DataRow("GO\nX")]
    [DataRow("GO<<X")]
    [DataRow("GO X")]
    [DataRow("GOÄ")]
    [DataRow("")]
    public void AppendEnv_RefusedName_ThrowsAndLeavesTheFileAlone(string name)
    {
        using var files = new RunnerFileCommands();
        File.WriteAllText(files.Env, "EARLIER=1\n");
        var before = File.ReadAllBytes(files.Env);

        var e = Assert.ThrowsExactly<GitHubFileCommandException>(() =>
            GitHubFileCommands.AppendEnv(files.Env, [new("GOFLAGS", "-mod=readonly"), new(name, "value-SECRET-42")]));

        CollectionAssert.AreEqual(before, File.ReadAllBytes(files.Env), "nothing written, not even the valid record before it");
        Assert.DoesNotContain("value-SECRET-42", e.Message);
        Assert.IsFalse(GitHubFileCommands.IsExportableName(name));
    }

    [TestMethod]
    [DataRow("line\nbreak")]
    [DataRow("carriage\rreturn")]
    [DataRow("crlf\r\n")]
    [DataRow("nul\0byte")]
    public void AppendEnv_RefusedValue_ThrowsWithoutTheValueAndLeavesTheFileAlone(string value)
    {
        using var files = new RunnerFileCommands();
        var secretValue = "SECRET-" + value;

        var e = Assert.ThrowsExactly<GitHubFileCommandException>(() =>
            GitHubFileCommands.AppendEnv(files.Env, [new("GOFLAGS", "ok"), new("GOPROXY", secretValue)]));

        Assert.AreEqual(0, new FileInfo(files.Env).Length);
        Assert.DoesNotContain("SECRET", e.Message);
        Assert.Contains("GOPROXY", e.Message);
        Assert.AreEqual("GOPROXY", e.Name);
    }

    [TestMethod]
    public void Append_LoneSurrogate_RefusedByEveryWriter()
    {
        // Built at run time: a lone surrogate in an attribute argument does not survive the metadata encoding.
        var lone = "lone " + (char)0xD800 + " surrogate";
        using var files = new RunnerFileCommands();

        Assert.ThrowsExactly<GitHubFileCommandException>(() => GitHubFileCommands.AppendEnv(files.Env, [new("GOFLAGS", lone)]));
        Assert.ThrowsExactly<GitHubFileCommandException>(() => GitHubFileCommands.AppendOutputs(files.Output, [new("out", lone)]));
        Assert.ThrowsExactly<GitHubFileCommandException>(() => GitHubFileCommands.AppendPath(files.PathFile, ["/" + lone]));

        Assert.AreEqual(0, new FileInfo(files.Env).Length + new FileInfo(files.Output).Length + new FileInfo(files.PathFile).Length);
    }

    [TestMethod]
    public void AppendEnv_SameNameTwice_Throws()
    {
        using var files = new RunnerFileCommands();

        Assert.ThrowsExactly<GitHubFileCommandException>(() =>
            GitHubFileCommands.AppendEnv(files.Env, [new("GOFLAGS", "a"), new("GOFLAGS", "b")]));

        Assert.AreEqual(0, new FileInfo(files.Env).Length);
    }

    [TestMethod]
    public void AppendEnv_DelimiterFoundInTheValue_DrawsAnotherAndNeverWritesTheColliding()
    {
        using var files = new RunnerFileCommands();
        const string colliding = "ghadelimiter_COLLIDE";
        var drawn = new Queue<string>([colliding, colliding, "ghadelimiter_fresh"]);

        GitHubFileCommands.AppendEnv(files.Env, [new("GOFLAGS", "x " + colliding + " y")], () => drawn.Dequeue());

        var text = File.ReadAllText(files.Env);
        Assert.AreEqual($"GOFLAGS<<ghadelimiter_fresh\nx {colliding} y\nghadelimiter_fresh\n", text);
        CollectionAssert.AreEqual(new[] { ("GOFLAGS", "x " + colliding + " y") }, GitHubRunner.ParseEnvFile(text).ToArray());
    }

    [TestMethod]
    public void AppendEnv_EveryDrawnDelimiterCollides_ThrowsAndWritesNothing()
    {
        using var files = new RunnerFileCommands();

        Assert.ThrowsExactly<GitHubFileCommandException>(() =>
            GitHubFileCommands.AppendEnv(files.Env, [new("GOFLAGS", "ghadelimiter_SAME")], () => "ghadelimiter_SAME"));

        Assert.AreEqual(0, new FileInfo(files.Env).Length);
    }

    [TestMethod]
    public void AppendEnv_MissingFile_ThrowsAndDoesNotCreateIt()
    {
        using var files = new RunnerFileCommands();
        var missing = Path.Combine(files.Root, "_runner_file_commands", "set_env_gone");

        var e = Assert.ThrowsExactly<FileNotFoundException>(() => GitHubFileCommands.AppendEnv(missing, [new("GOFLAGS", "x")]));

        Assert.IsFalse(File.Exists(missing));
        Assert.Contains("does not exist", e.Message);
    }

    [TestMethod]
    public void AppendOutputs_MultiLineAndAdversarialValues_RunnerReadsThemExactly()
    {
        using var files = new RunnerFileCommands();
        var values = s_oneLineValues.Concat(
        [
            "{\n  \"goVersion\": \"go1.22.12\",\n  \"env\": {\"A\": \"b\"}\n}",
            "\n",
            "\n\n",
            "ends with newline\n",
            "\nstarts with newline",
            "line\nghadelimiter_0123456789abcdef0123456789abcdef\nmore",
            "EOF\nEOF\n",
            "x<<EOF\nEOF",
            "NAME=v\nOTHER<<X\nX",
            "a\n\n\nb",
        ]);
        var outputs = values.Select((v, i) => new KeyValuePair<string, string>(i % 2 == 0 ? $"out_{i}" : $"Out-{i}", v)).ToList();

        GitHubFileCommands.AppendOutputs(files.Output, outputs);

        AssertEnvFile(files.Output, outputs);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("1st")]
    [DataRow("-x")]
    [DataRow("a b")]
    [DataRow("a=b")]
    [DataRow("a<<b")]
    [DataRow("a.b")]
    [DataRow("ä")]
    [DataRow("a\nb")]
    public void AppendOutputs_RefusedName_Throws(string name)
    {
        using var files = new RunnerFileCommands();

        Assert.ThrowsExactly<GitHubFileCommandException>(() => GitHubFileCommands.AppendOutputs(files.Output, [new("ok", "1"), new(name, "v")]));

        Assert.AreEqual(0, new FileInfo(files.Output).Length);
    }

    [TestMethod]
    [DataRow("a\r\nb")]
    [DataRow("a\r")]
    [DataRow("a\0b")]
    public void AppendOutputs_CrOrNul_Throws(string value)
    {
        using var files = new RunnerFileCommands();

        Assert.ThrowsExactly<GitHubFileCommandException>(() => GitHubFileCommands.AppendOutputs(files.Output, [new("json", value)]));

        Assert.AreEqual(0, new FileInfo(files.Output).Length);
    }

    [TestMethod]
    public void AppendOutputs_NamesDifferingInCaseOnly_Throws()
    {
        using var files = new RunnerFileCommands();

        Assert.ThrowsExactly<GitHubFileCommandException>(() => GitHubFileCommands.AppendOutputs(files.Output, [new("key", "1"), new("KEY", "2")]));
    }

    [TestMethod]
    public void AppendPath_Directories_RunnerPrependsThemLastFirst()
    {
        using var files = new RunnerFileCommands();
        string[] directories = ["/opt/go/bin", "/tmp/with spaces/bin", "/tmp/ünï 😀", "/tmp/100%0A", "/tmp/a,b=c"];

        GitHubFileCommands.AppendPath(files.PathFile, directories);

        Assert.AreEqual(string.Concat(directories.Select(d => d + "\n")), File.ReadAllText(files.PathFile));
        CollectionAssert.AreEqual(directories.Reverse().ToArray(), GitHubRunner.ReadPathFile(files.PathFile).ToArray());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("relative/bin")]
    [DataRow("./bin")]
    [DataRow("/a\nb")]
    [DataRow("/a\rb")]
    [DataRow("/a\r\n/evil")]
    [DataRow("/a\0b")]
    [DataRow("/opt/go/bin:/tmp/evil")]
    public void AppendPath_RefusedEntry_ThrowsAndLeavesTheFileAlone(string directory)
    {
        using var files = new RunnerFileCommands();
        File.WriteAllText(files.PathFile, "/earlier\n");

        Assert.ThrowsExactly<GitHubFileCommandException>(() => GitHubFileCommands.AppendPath(files.PathFile, ["/ok/bin", directory]));

        Assert.AreEqual("/earlier\n", File.ReadAllText(files.PathFile));
    }

    [TestMethod]
    public void AppendEnv_TwoThreadsAppendingRecordByRecord_EveryRecordIntact()
    {
        using var files = new RunnerFileCommands();

        RunConcurrently(2, thread =>
        {
            for (var i = 0; i < 200; i++)
            {
                GitHubFileCommands.AppendEnv(files.Env, [Record(thread, i)]);
            }
        });

        AssertAllRecords(files.Env, threads: 2, perThread: 200);
    }

    [TestMethod]
    public void AppendEnv_TwoThreadsAppending200RecordsInOneCallEach_EveryRecordIntact()
    {
        // FileStream(FileMode.Append) writes at the length it saw when opened: two appenders that open before
        // either writes overwrite each other. This repeats the race often enough to catch that.
        for (var round = 0; round < 25; round++)
        {
            using var files = new RunnerFileCommands();

            RunConcurrently(2, thread => GitHubFileCommands.AppendEnv(files.Env, Enumerable.Range(0, 200).Select(i => Record(thread, i)).ToList()));

            AssertAllRecords(files.Env, threads: 2, perThread: 200);
        }
    }

    private static KeyValuePair<string, string> Record(int thread, int i) => new($"GOT{thread}_{i}", $"thread {thread} record {i} ::x:: %0A ghadelimiter_ 😀");

    private static void RunConcurrently(int threads, Action<int> body)
    {
        using var start = new Barrier(threads);
        var errors = new List<Exception>();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                body(t);
            }
            catch (Exception e)
            {
                lock (errors)
                {
                    errors.Add(e);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Assert.IsEmpty(errors, string.Join("\n", errors));
    }

    private static void AssertAllRecords(string path, int threads, int perThread)
    {
        var records = GitHubRunner.ParseEnvFileRecords(File.ReadAllText(path));
        Assert.HasCount(threads * perThread, records);
        var expected = Enumerable.Range(0, threads).SelectMany(t => Enumerable.Range(0, perThread).Select(i => Record(t, i)))
                                 .Select(kv => (kv.Key, kv.Value)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expected, records.OrderBy(r => r.Name, StringComparer.Ordinal).ToList());
    }

    private static void AssertEnvFile(string path, IReadOnlyList<KeyValuePair<string, string>> expected)
    {
        var text = File.ReadAllText(path);
        var records = GitHubRunner.ParseEnvFileRecords(text);
        CollectionAssert.AreEqual(expected.Select(kv => (kv.Key, kv.Value)).ToList(), records.ToList(), "exactly these records, in order, nothing else");
        for (var i = 0; i < expected.Count; i++)
        {
            CollectionAssert.AreEqual(Encoding.UTF8.GetBytes(expected[i].Value), Encoding.UTF8.GetBytes(records[i].Value), expected[i].Key);
        }
    }

    [GeneratedRegex("^ghadelimiter_[0-9a-f]{32}$")]
    private static partial Regex DelimiterPattern();
}
