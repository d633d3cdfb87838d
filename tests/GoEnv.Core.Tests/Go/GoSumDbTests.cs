using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class GoSumDbTests
{
    [TestMethod]
    [DataRow("sum.golang.org")]
    [DataRow("sum.golang.google.cn")]
    [DataRow("off")]
    [DataRow("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8")]
    [DataRow("sum.golang.org https://sum.golang.google.cn")]
    public void Validate_Valid_ReturnsNull(string value) => Assert.IsNull(GoSumDb.Validate(value, out _));

    [TestMethod]
    [DataRow("bogus-name", "invalid GOSUMDB: malformed verifier id")]
    [DataRow("a b c", "invalid GOSUMDB: too many fields")]
    [DataRow("sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "invalid GOSUMDB: invalid verifier hash")]
    [DataRow("", "missing GOSUMDB")]
    public void Validate_Invalid_GivesGosError(string value, string expected) => Assert.AreEqual(expected, GoSumDb.Validate(value, out _));
}
