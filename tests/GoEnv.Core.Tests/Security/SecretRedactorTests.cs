using GoEnv.Core.Security;

namespace GoEnv.Core.Tests.Security;

[TestClass]
public sealed class SecretRedactorTests
{
    [TestMethod]
    [DataRow("https://user:s3cr3tpw@proxy.example.com,direct", "https://user:***@proxy.example.com,direct")]
    [DataRow("https://ghp_token123456@proxy.example.com", "https://***@proxy.example.com")]
    [DataRow("no url here a@b", "no url here a@b")]
    [DataRow("file:///tmp/p|https://u:p%40ss@x.example", "file:///tmp/p|https://u:***@x.example")]
    public void Redact_UrlUserInfo_IsMasked(string text, string expected) => Assert.AreEqual(expected, new SecretRedactor().Redact(text));

    [TestMethod]
    public void Redact_LearnedSecretOutsideUrl_IsMasked()
    {
        var redactor = new SecretRedactor();
        redactor.LearnFrom("https://user:hunter2secret@proxy.example.com");
        Assert.AreEqual("go said: ***", redactor.Redact("go said: hunter2secret"));
        Assert.DoesNotContain("hunter2secret", redactor.Redact("x hunter2secret y"));
    }

    [TestMethod]
    public void Redact_PercentEncodedSecret_DecodedFormIsMaskedToo()
    {
        var redactor = new SecretRedactor();
        redactor.LearnFrom("https://user:p%40ssw0rd@proxy.example.com");
        Assert.DoesNotContain("p@ssw0rd", redactor.Redact("token p@ssw0rd leaked"));
    }

    [TestMethod]
    [DataRow("corp.example.com/ghp_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg", "ghp_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg")]
    [DataRow("gho_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg,example.org", "gho_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg")]
    [DataRow("x/ghu_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg", "ghu_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg")]
    [DataRow("x/ghs_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg", "ghs_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg")]
    [DataRow("x/ghr_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg", "ghr_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg")]
    [DataRow("git.example.com/github_pat_11ABCDEFG0123456789abc_QrStUvWxYz0123456789", "github_pat_11ABCDEFG0123456789abc_QrStUvWxYz0123456789")]
    [DataRow("git.example.com/glpat-Xy7zQ2wE9rT4yU1iO3pA", "glpat-Xy7zQ2wE9rT4yU1iO3pA")]
    [DataRow("git.example.com/gldt-Xy7zQ2wE9rT4yU1iO3pA/x", "gldt-Xy7zQ2wE9rT4yU1iO3pA")]
    public void LearnFrom_TokenFormatOutsideAUrl_IsMaskedEverywhere(string value, string token)
    {
        var redactor = new SecretRedactor();
        redactor.LearnFrom(value);
        CollectionAssert.Contains(redactor.Secrets.ToList(), token);
        Assert.AreEqual("go: module *** not found", redactor.Redact($"go: module {token} not found"));
    }

    [TestMethod]
    [DataRow("corp.example.com/ghp_short")]
    [DataRow("corp.example.com/xghp_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg")]
    [DataRow("corp.example.com/glpat-short")]
    [DataRow("-ldflags=-X=main.v=1 -tags=ghp,glpat")]
    public void LearnFrom_NoTokenFormat_LearnsNothing(string value)
    {
        var redactor = new SecretRedactor();
        redactor.LearnFrom(value);
        Assert.IsEmpty(redactor.Secrets);
    }

    [TestMethod]
    [DataRow("1.http://user:s3cr3tpw@x.example", "1.http://user:***@x.example")]
    [DataRow("-https://user:s3cr3tpw@x.example", "-https://user:***@x.example")]
    [DataRow("a1b://user:s3cr3tpw@x.example", "a1b://user:***@x.example")]
    public void Redact_SchemeAfterOtherSchemeCharacters_StartsAtTheFirstLetter(string text, string expected) =>
        Assert.AreEqual(expected, new SecretRedactor().Redact(text));

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public void LearnFromAndRedact_OneMebibyteValue_TakeLinearTime()
    {
        // A run of scheme characters with no "://" after it once cost O(n²): minutes for this value.
        var value = "corp.example.com/" + new string('a', 1 << 20) + "@x https://u:l0ngs3cret@h.example";
        var redactor = new SecretRedactor();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        redactor.LearnFrom(value);
        var redacted = redactor.Redact(value);

        Assert.IsLessThan(5, clock.Elapsed.TotalSeconds);
        Assert.EndsWith("https://u:***@h.example", redacted);
        CollectionAssert.Contains(redactor.Secrets.ToList(), "l0ngs3cret");
    }

    [TestMethod]
    [DataRow("--token=abc123secret", "abc123secret")]
    [DataRow("-api-key=k3y-value", "k3y-value")]
    [DataRow("--password hunter2long", "hunter2long")]
    [DataRow("--Authorization=Bearer-xyz", "Bearer-xyz")]
    public void LearnFromArguments_ValueOfASecretLikeFlag_IsMasked(string arguments, string secret)
    {
        var redactor = new SecretRedactor();
        redactor.LearnFromArguments(arguments.Split(' '));
        Assert.AreEqual($"prog {SecretRedactor.Mask} done", redactor.Redact($"prog {secret} done"));
    }

    [TestMethod]
    public void LearnFromArguments_OrdinaryFlags_AreLeftAlone()
    {
        var redactor = new SecretRedactor();
        redactor.LearnFromArguments(["--dir=/var/cache/go", "--verbose", "remote.example.com"]);
        Assert.IsEmpty(redactor.Secrets);
    }
}
