using Conformance.Trx;

namespace Conformance.Framework.Tests.Trx;

public sealed class TrxTextTests
{
    [TestCase(0L, "00:00:00.0000000")]
    [TestCase(15_000_001L, "00:00:01.5000001")]
    [TestCase(36_610_000_000L, "01:01:01.0000000")]
    [TestCase(900_000_000_000L, "25:00:00.0000000")]
    [TestCase(-10_000_000L, "00:00:00.0000000")]
    public void Duration_Ticks_FormatsHoursMinutesSecondsTicks(long ticks, string expected)
    {
        Assert.That(TrxText.Duration(TimeSpan.FromTicks(ticks)), Is.EqualTo(expected));
    }

    [Test]
    public void Time_OffsetTime_WritesUtcRoundTrip()
    {
        var time = new DateTimeOffset(2026, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567);

        Assert.That(TrxText.Time(time), Is.EqualTo("2026-01-02T03:04:05.1234567+00:00"));
    }

    [TestCase("bell\u0007", "bell\\u0007")]
    [TestCase("nul\0end", "nul\\u0000end")]
    [TestCase("not a char \uFFFE", "not a char \\uFFFE")]
    public void Clean_InvalidXmlCharacter_WritesEscapeText(string text, string expected)
    {
        Assert.That(TrxText.Clean(text), Is.EqualTo(expected));
    }

    [Test]
    public void Clean_LoneSurrogates_WritesEscapeText()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate through compilation.
        var text = "high " + '\uD800' + " low " + '\uDC00' + " reversed " + '\uDC00' + '\uD800';

        Assert.That(TrxText.Clean(text), Is.EqualTo("high \\uD800 low \\uDC00 reversed \\uDC00\\uD800"));
    }

    [TestCase("plain")]
    [TestCase("tab\tnewline\ncr\r")]
    [TestCase("emoji \U0001F600 and é")]
    public void Clean_ValidText_KeepsIt(string text)
    {
        Assert.That(TrxText.Clean(text), Is.EqualTo(text));
    }

    [Test]
    public void Clean_Null_GivesEmpty()
    {
        Assert.That(TrxText.Clean(null), Is.Empty);
    }
}
