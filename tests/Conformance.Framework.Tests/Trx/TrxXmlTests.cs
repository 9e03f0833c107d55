using System.Xml.Linq;
using Conformance.Trx;
using static Conformance.Framework.Tests.Trx.TrxSamples;

namespace Conformance.Framework.Tests.Trx;

public sealed class TrxXmlTests
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    [Test]
    public void ToText_InvalidXmlCharacters_WritesEscapeTextInsteadOfFailing()
    {
        var result = Result(TrxOutcome.Failed, "Ns.Class.Bell\u0007") with { ErrorMessage = "got \0 and \uD800", StdOut = "esc \u001B[31m" };

        var text = TrxXml.ToText(TrxDocumentBuilder.Build(Run(), [result]));

        var read = XDocument.Parse(text).Descendants(Ns + "UnitTestResult").Single();
        Assert.That(
            (read.Attribute("testName")?.Value, read.Descendants(Ns + "Message").Single().Value, read.Descendants(Ns + "StdOut").Single().Value),
            Is.EqualTo(("Bell\\u0007", "got \\u0000 and \\uD800", "esc \\u001B[31m")));
    }

    [Test]
    public void ToText_MarkupInNamesAndMessages_EscapesAndReadsBack()
    {
        var result = Result(TrxOutcome.Failed, "Ns.Class.Cases(\"<a&b>\")") with { ErrorMessage = "x < y && z > \"q\"" };

        var text = TrxXml.ToText(TrxDocumentBuilder.Build(Run(), [result]));

        var read = XDocument.Parse(text).Descendants(Ns + "UnitTestResult").Single();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("testName=\"Cases(&quot;&lt;a&amp;b&gt;&quot;)\""));
            Assert.That(text, Does.Contain("<Message>x &lt; y &amp;&amp; z &gt; \"q\"</Message>"));
            Assert.That(read.Attribute("testName")?.Value, Is.EqualTo("Cases(\"<a&b>\")"));
            Assert.That(read.Descendants(Ns + "Message").Single().Value, Is.EqualTo("x < y && z > \"q\""));
        });
    }

    [Test]
    public void ToText_Document_IsUtf8DeclaredIndentedWithoutByteOrderMark()
    {
        using var stream = new MemoryStream();

        TrxXml.Write(TrxDocumentBuilder.Build(Run(), [Result(TrxOutcome.Passed)]), stream);

        var bytes = stream.ToArray();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(bytes[0], Is.EqualTo((byte)'<'));
            Assert.That(text, Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
            Assert.That(text, Does.Contain("\n  <Times "));
        });
    }
}
