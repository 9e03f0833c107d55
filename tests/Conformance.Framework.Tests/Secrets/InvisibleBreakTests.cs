using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// An HTML page a target echoes may break a long credential where a browser may wrap it: a <c>&lt;br&gt;</c> or
/// <c>&lt;wbr&gt;</c> tag, a soft hyphen (U+00AD), a zero-width space, joiner or non-joiner (U+200B to U+200D), a word joiner
/// (U+2060) or a zero-width no-break space (U+FEFF), as characters or escaped. They are read as line breaks.
/// </summary>
public sealed class InvisibleBreakTests
{
    private const string Token = "Tok+LEAK/9f8E7d6c5B4a3f2e==";

    [TestCase("<td>Tok+LEAK/9f8<br>E7d6c5B4a3f2e==</td>")]
    [TestCase("<td>Tok+LEAK/9f8<BR/>E7d6c5<br />B4a3f2e==</td>")]
    [TestCase("<td>Tok+LEAK<wbr>/9f8E7d6c5<WBR/>B4a3f2e<wbr />==</td>")]
    [TestCase("<td>Tok+LEAK\u00AD/9f8E7d6c5\u00ADB4a3f2e==</td>")]
    [TestCase("<td>Tok\u200B+LEAK\u200C/9f8\u200DE7d6c5\u2060B4a3f2e\uFEFF==</td>")]
    [TestCase("<td>Tok+LEAK&shy;/9f8E7d6c5&#173;B4a3f2e&#x200B;==</td>")]
    [TestCase("<td>Tok&#43;LEAK&shy;&#x2F;9f8E7d6c5<wbr>B4a3f2e&#61;&#61;</td>")]
    [TestCase("<td>Tok\\u002BLEAK\\u00AD\\/9f8E7d6c5\\u200bB4a3f2e==</td>")]
    public void Text_TokenBrokenByATagOrAnInvisibleCharacter_Masked(string text) =>
        Assert.That(new Redactor([Token], []).Text(text), Is.EqualTo("<td>***</td>"));

    [TestCase("<p>line one<br>line two<wbr>and\u00ADmore\u200B&shy;&#8203;</p>")]
    [TestCase("<p>Tok+LEAK<br>/other</p><b>9f8E7d6c5B4a3f2e==</b>")]
    [TestCase("<p>Tok+LEAK/9f8<b>E7d6c5B4a3f2e==</b></p>")]
    [TestCase("<p>Tok+LEAK/9f8<bro>E7d6c5B4a3f2e==</p>")]
    public void Text_BreaksWithoutTheWholeTokenOrOtherTags_Unchanged(string text) =>
        Assert.That(new Redactor([Token], []).Text(text), Is.EqualTo(text));
}
