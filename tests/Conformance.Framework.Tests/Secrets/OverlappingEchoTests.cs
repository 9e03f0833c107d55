using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// The forms of all secrets are found in one pass over a text. Where secrets overlap, share a start, nest or repeat, every
/// character of every occurrence is still masked: overlapping occurrences become one mask, adjacent ones stay two.
/// </summary>
public sealed class OverlappingEchoTests
{
    [TestCase("abcdEFGH", "wxyzabcd", "key wxyzabcdEFGH!", "key ***!")] // the second ends where the first starts
    [TestCase("abcd1234", "abcd123456", "key abcd123456 and abcd1234.", "key *** and ***.")] // same start, the longer wins
    [TestCase("LEAK-inner", "outer-LEAK-inner-tail", "was outer-LEAK-inner-tail", "was ***")] // one inside the other
    [TestCase("abcd1234", "zzzz9999", "abcd1234zzzz9999", "******")] // adjacent: two masks
    [TestCase("abcd1234", "zzzz9999", "abcd1234abcd1234 ABCD1234", "****** ***")] // repeated, either case
    [TestCase("aaaabbbb", "bbbbcccc", "aaaabbbbcccc x aaaabbbb", "*** x ***")] // a chain of overlaps
    public void Text_SecretsOverlapping_EveryCharacterMasked(string first, string second, string text, string expected) =>
        Assert.That(new Redactor([first, second], []).Text(text), Is.EqualTo(expected));

    [Test]
    public void Text_SecretAddedAfterFirstUse_MaskedFromThen()
    {
        var redactor = new Redactor(["abcd1234"], []);
        Assert.That(redactor.Text("zzzz9999 abcd1234"), Is.EqualTo("zzzz9999 ***"));

        redactor.Add("zzzz9999");

        Assert.That(redactor.Text("zzzz9999 abcd1234"), Is.EqualTo("*** ***"));
    }
}
