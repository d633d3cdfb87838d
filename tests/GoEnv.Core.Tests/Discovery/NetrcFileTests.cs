using GoEnv.Core.Discovery;

namespace GoEnv.Core.Tests.Discovery;

[TestClass]
public sealed class NetrcFileTests
{
    [TestMethod]
    public void Parse_EntriesOverLines_CompleteOnesWithTheMachinesLine()
    {
        var netrc = NetrcFile.Parse("/h/.netrc", "machine a.example\n  login u\n  password p1\nmachine b.example login v password p2\nmachine c.example login w\n");

        CollectionAssert.AreEqual(new[] { ("a.example", "u", 1), ("b.example", "v", 4) }, netrc.Machines.Select(m => (m.Machine, m.Login, m.Line)).ToArray());
        CollectionAssert.AreEqual(new[] { "p1", "p2" }, netrc.Passwords.ToArray());
    }

    [TestMethod]
    public void Parse_MacdefBody_SkippedUpToTheEmptyLine()
    {
        var netrc = NetrcFile.Parse("/h/.netrc", "macdef init\nmachine hidden login x password y\n\nmachine seen login u password p\n");

        Assert.AreEqual("seen", netrc.Machines.Single().Machine);
    }

    [TestMethod]
    public void Parse_DefaultAsALinesLastWord_StopsReading()
    {
        // cmd/go: a trailing `default` ends the file; one followed by a value is only skipped as a pair.
        var netrc = NetrcFile.Parse("/h/.netrc", "machine a login u password p default\nmachine b login v password q\n");

        Assert.AreEqual("a", netrc.Machines.Single().Machine);
    }

    [TestMethod]
    public void For_HostWithPort_MatchesExactlyAsGoDoes()
    {
        var netrc = NetrcFile.Parse("/h/.netrc", "machine proxy.example:8443 login u password p\nmachine git.example login v password q\n");

        Assert.IsNotNull(netrc.For("proxy.example:8443"));
        Assert.IsNull(netrc.For("proxy.example"));
        Assert.IsNull(netrc.For("GIT.example"));
    }

    [TestMethod]
    public void GoPath_NetrcVariable_WinsOverHome()
    {
        var host = new HostEnvironment([new("HOME", "/home/u"), new("NETRC", "/run/secrets/netrc")], "/w", HostOs.Linux);

        Assert.AreEqual("/run/secrets/netrc", NetrcFile.GoPath(host));
        Assert.AreEqual("/home/u/.netrc", NetrcFile.GitPath(host));
    }
}
