using System.Globalization;
using System.Net;
using System.Text.Json;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A target may escape an escaped secret again: a redirect URL percent-encoded inside a URL inside a URL (<c>%25252B</c>),
/// a JSON string holding serialized JSON (<c>\\u002B</c>), an HTML page escaping escaped text (<c>&amp;amp;#43;</c>),
/// or a mix of them. The text is read through its escapes again, up to <see cref="WrappedSecrets.MaxLevels"/> times.
/// </summary>
public sealed class NestedEscapeTests
{
    private const string Token = "Tok+LEAK/9f8E7d6c5B4a3f2e==";

    [TestCase("percent 3 times")]
    [TestCase("percent 4 times")]
    [TestCase("percent 5 times")]
    [TestCase("json 3 times")]
    [TestCase("json php 3 times")]
    [TestCase("html 3 times")]
    [TestCase("html, html, json")]
    [TestCase("json, percent twice")]
    [TestCase("html, percent twice, json")]
    [TestCase("percent 3 times, wrapped, json")]
    public void Text_TokenEscapedMoreThanOnce_Masked(string how) =>
        Assert.That(new Redactor([Token], []).Text($"next={Nested(how)}&x=1"), Is.EqualTo("next=***&x=1"));

    [Test]
    public void Text_TwoTokensEscapedToDifferentDepths_BothMasked() =>
        Assert.That(new Redactor([Token, "key+LEAK/7f3a9c2e"], []).Text($"a={Nested("percent 3 times")} b={Percent(Percent("key+LEAK/7f3a9c2e"))} c=1"), Is.EqualTo("a=*** b=*** c=1"));

    [Test]
    public void Text_TokenPercentEncodedSixTimes_BeyondTheReadingsUnchanged()
    {
        var text = $"next={Percent(Nested("percent 5 times"))}&x=1";

        Assert.That(new Redactor([Token], []).Text(text), Is.EqualTo(text), "the fifth reading, which would find %2B, is not made");
    }

    [TestCase("100%25252525 of Tok%25252BLEAK%25252F9f8 was sent")]
    [TestCase("C:\\\\\\\\new\\\\\\\\Tok\\\\u002BLEAK &amp;amp;amp;lt; %25zz &amp;#xZZ;")]
    [TestCase("a%2525252Bb a&amp;amp;amp;amp;b \\\\\\\\\\\\\\\\u0041")]
    public void Text_NestedEscapesWithoutTheWholeToken_Unchanged(string text) =>
        Assert.That(new Redactor([Token], []).Text(text), Is.EqualTo(text));

    /// <summary>The token escaped as <paramref name="how"/> says, innermost first.</summary>
    private static string Nested(string how) => how switch
    {
        "percent 3 times" => Percent(Percent(Percent(Token))),
        "percent 4 times" => Percent(Percent(Percent(Percent(Token)))),
        "percent 5 times" => Percent(Percent(Percent(Percent(Percent(Token))))),
        "json 3 times" => Json(Json(Json(Token))),
        "json php 3 times" => Php(Php(Php(Token))),
        "html 3 times" => Html(Html(Html(Token))),
        "html, html, json" => Gson(Html(Html(Token))),
        "json, percent twice" => Percent(Percent(Json(Token))),
        "html, percent twice, json" => Json(Percent(Percent(Html(Token)))),
        "percent 3 times, wrapped, json" => Json(string.Join("\r\n", Percent(Percent(Percent(Token))).Chunk(16).Select(c => new string(c)))),
        _ => throw new ArgumentOutOfRangeException(nameof(how)),
    };

    private static string Percent(string text) => Uri.EscapeDataString(text);

    /// <summary>Inside a JSON string as System.Text.Json writes it (<c>+</c> as <c>\u002B</c>).</summary>
    private static string Json(string text) => JsonSerializer.Serialize(text)[1..^1];

    /// <summary>Inside a JSON string as PHP's json_encode writes it (<c>/</c> as <c>\/</c>).</summary>
    private static string Php(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal);

    /// <summary>Inside a JSON string as Gson writes it (<c>&amp;</c>, <c>=</c> as <c>\u0026</c>, <c>\u003d</c>).</summary>
    private static string Gson(string text) =>
        string.Concat(text.Select(c => c is '&' or '=' or '<' or '>' or '\'' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString()));

    /// <summary>HTML-escaped as Go's html/template escapes text (<c>+</c> as <c>&amp;#43;</c>).</summary>
    private static string Html(string text) => WebUtility.HtmlEncode(text).Replace("+", "&#43;", StringComparison.Ordinal);
}
