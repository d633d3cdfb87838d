using GoEnv.Core.Discovery;
using GoEnv.Core.Git;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Tests.Discovery;

/// <summary>How git reaches a repository, read from real git configuration files (libgit2) and .netrc in a temp HOME.</summary>
[TestClass]
public sealed class FetchAccessTests
{
    private static readonly ModuleRepository s_private = new("git.corp.example/team/lib.git", "git", BySuffix: true);

    private string _home = "";

    [TestInitialize]
    public void CreateHome()
    {
        _home = Path.Combine(Path.GetTempPath(), "goenv-access-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_home);
    }

    [TestCleanup]
    public void DeleteHome() => Directory.Delete(_home, recursive: true);

    [TestMethod]
    public void Of_NoRewriteToAReservedName_Unreachable()
    {
        var access = Access().Of(s_private);

        Assert.IsNotNull(access.Unreachable);
        StringAssert.Contains(access.Unreachable, "git.corp.example does not resolve");
        Assert.AreEqual("https://git.corp.example/team/lib", access.Url);
    }

    [TestMethod]
    public void Of_LongestInsteadOfWithToken_RewrittenMaskedAndLineKnown()
    {
        Write(".gitconfig", "[user]\n\tname = x\n[url \"https://a.example/\"]\n\tinsteadOf = https://git.corp.example/\n[url \"https://oauth2:tok3nS3cret@git.corp.example/team/\"]\n\tinsteadOf = https://git.corp.example/team/\n");
        var fetch = Access();

        var access = fetch.Of(s_private);

        Assert.AreEqual("https://oauth2:***@git.corp.example/team/lib", access.Rewritten);
        Assert.AreEqual(Path.Combine(_home, ".gitconfig") + ":6", access.RewriteWhere);
        CollectionAssert.Contains(access.Credentials.ToList(), "user-info in the rewritten URL");
        Assert.IsNull(access.Unreachable);
        CollectionAssert.Contains(fetch.Secrets.ToList(), "tok3nS3cret");
    }

    [TestMethod]
    public void Of_RewriteToAMissingDirectory_Unreachable()
    {
        Write(".gitconfig", $"[url \"file://{_home}/nowhere.git\"]\n\tinsteadOf = https://git.corp.example/team/lib\n");

        var access = Access().Of(s_private);

        Assert.AreEqual(GitTransport.Local, access.Transport);
        StringAssert.Contains(access.Unreachable, "does not exist");
    }

    [TestMethod]
    public void Of_HttpsRewriteWithHelperHeaderNetrcAndAskpass_EachCredentialNamed()
    {
        Write(".gitconfig", "[url \"https://git.internal.example/\"]\n\tinsteadOf = https://git.corp.example/\n[credential \"https://git.internal.example\"]\n\thelper = store\n[http \"https://git.internal.example/team/\"]\n\textraheader = AUTHORIZATION: basic aGVhZGVyUzNjcmV0\n");
        Write(".netrc", "machine git.internal.example login u password n3trcS3cret\n");
        var fetch = Access(("GIT_ASKPASS", "/bin/askpass"));

        var access = fetch.Of(s_private);

        Assert.AreEqual(GitTransport.Https, access.Transport);
        Assert.HasCount(4, access.Credentials);
        Assert.IsFalse(access.NoVisibleCredentials);
        CollectionAssert.IsSubsetOf(new[] { "n3trcS3cret", "aGVhZGVyUzNjcmV0" }, fetch.Secrets.ToList());
    }

    [TestMethod]
    public void Of_HelperForAnotherHost_NoVisibleCredentials()
    {
        Write(".gitconfig", "[url \"https://git.internal.example/\"]\n\tinsteadOf = https://git.corp.example/\n[credential \"https://other.example\"]\n\thelper = store\n[credential]\n\thelper =\n");

        var access = Access().Of(s_private);

        Assert.IsTrue(access.NoVisibleCredentials);
    }

    [TestMethod]
    public void Of_ScpRewriteWithAKey_SshCredential()
    {
        Write(".gitconfig", "[url \"git@git.internal.example:\"]\n\tinsteadOf = https://git.corp.example/\n");
        Write(".ssh/id_ed25519", "key");

        var access = Access().Of(s_private);

        Assert.AreEqual(GitTransport.Ssh, access.Transport);
        Assert.AreEqual("git@git.internal.example:team/lib", access.Rewritten);
        StringAssert.Contains(access.Credentials.Single(), "id_ed25519");
    }

    [TestMethod]
    public void Of_GitConfigCountPairs_AppliedLikeAFile()
    {
        var fetch = Access(("GIT_CONFIG_COUNT", "1"), ("GIT_CONFIG_KEY_0", "url.file:///srv/lib.git.insteadOf"), ("GIT_CONFIG_VALUE_0", "https://git.corp.example/team/lib"));

        var access = fetch.Of(s_private);

        Assert.AreEqual("GIT_CONFIG_KEY_0", access.RewriteWhere);
        Assert.AreEqual(GitTransport.Local, access.Transport);
    }

    [TestMethod]
    public void Of_GitConfigGlobalVariable_ReplacesHomesFile()
    {
        Write(".gitconfig", "[url \"file:///home-file\"]\n\tinsteadOf = https://git.corp.example/team/lib\n");
        Write("ci.gitconfig", "[url \"https://git.internal.example/team/lib\"]\n\tinsteadOf = https://git.corp.example/team/lib\n");

        var access = Access(("GIT_CONFIG_GLOBAL", Path.Combine(_home, "ci.gitconfig"))).Of(s_private);

        Assert.AreEqual("https://git.internal.example/team/lib", access.Rewritten);
    }

    [TestMethod]
    public void PrivateEvidence_PrivateNameInsteadOfAndNetrc_EachSaysWhy()
    {
        Write(".gitconfig", "[url \"ssh://git@git.mycorp.com/\"]\n\tinsteadOf = https://git.mycorp.com/\n[url \"ssh://git@github.com/\"]\n\tinsteadOf = https://github.com/\n");
        Write(".netrc", "machine go.mycorp.io login u password p4ssword\n");
        var fetch = Access();

        StringAssert.Contains(fetch.PrivateEvidence("gitlab.corp/team/x"), "private-network name");
        StringAssert.Contains(fetch.PrivateEvidence("git.mycorp.com/team/x"), ".gitconfig:2");
        StringAssert.Contains(fetch.PrivateEvidence("go.mycorp.io/x"), ".netrc:1");
        Assert.IsNull(fetch.PrivateEvidence("github.com/org/x"), "a rewrite of a public code host says nothing of one repository");
        Assert.IsNull(fetch.PrivateEvidence("golang.org/x/text"));
    }

    [TestMethod]
    [DataRow("https://git.example", "https://git.example/team/lib", true)]
    [DataRow("https://git.example/team", "https://git.example/team/lib", true)]
    [DataRow("https://git.example/te", "https://git.example/team/lib", false)]
    [DataRow("https://*.example", "https://git.example/x", true)]
    [DataRow("https://*.example", "https://a.git.example/x", false)]
    [DataRow("http://git.example", "https://git.example/x", false)]
    [DataRow("https://git.example:8443", "https://git.example/x", false)]
    [DataRow("https://bot@git.example", "https://git.example/x", false)]
    public void UrlMatches_GitsUrlmatchRules(string pattern, string url, bool matches) =>
        Assert.AreEqual(matches, FetchAccess.UrlMatches(pattern, url));

    [TestMethod]
    [DataRow("git.corp.example:8443/x", "git.corp.example")]
    [DataRow("[::1]:8443", "[::1]")]
    public void NameOf_HostWithPort_PortDropped(string host, string name) => Assert.AreEqual(name, ModuleHost.NameOf(host.Split('/')[0]));

    private FetchAccess Access(params (string Name, string Value)[] variables) =>
        new(new HostEnvironment([new("HOME", _home), new("GIT_CONFIG_NOSYSTEM", "1"), .. variables.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))], _home, HostOs.Linux));

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_home, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
