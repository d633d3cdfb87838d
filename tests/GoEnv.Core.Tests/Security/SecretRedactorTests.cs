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
}
