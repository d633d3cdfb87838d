using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class GoStringsTests
{
    // Each expected value is what strconv.Quote printed for the same string (go1.23.4, go run).
    [TestMethod]
    [DataRow("plain", "\"plain\"")]
    [DataRow("a b\"c\\d", "\"a b\\\"c\\\\d\"")]
    [DataRow("tab\there\nnl\rcr", "\"tab\\there\\nnl\\rcr\"")]
    [DataRow("\a\b\f\v\0\u001b\u007f", "\"\\a\\b\\f\\v\\x00\\x1b\\x7f\"")]
    [DataRow("nbsp\u00a0zw\u200bls\u2028", "\"nbsp\\u00a0zw\\u200bls\\u2028\"")]
    [DataRow("é日本\U0001F600", "\"é日本\U0001F600\"")]
    [DataRow("\u0085", "\"\\u0085\"")]
    [DataRow("\U000E0001", "\"\\U000e0001\"")]
    [DataRow("\uE000", "\"\\ue000\"")]
    public void Quote_IsStrconvQuote(string value, string expected) => Assert.AreEqual(expected, GoStrings.Quote(value));
}
