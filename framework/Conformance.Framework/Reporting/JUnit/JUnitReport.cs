using System.Globalization;
using System.Text;
using System.Xml;
using Conformance.Checks;

namespace Conformance.Reporting.JUnit;

/// <summary>
/// The run as a JUnit XML report (the format GitLab, Jenkins, CircleCI and Bitbucket read): one <c>testsuite</c> per
/// API, one <c>testcase</c> per case with its table row as <c>file</c> and <c>line</c>. Failed is a <c>failure</c> (its
/// type the failing check ids), broken an <c>error</c>, skipped and known issues <c>skipped</c> (the run stays green
/// for a tracked defect, as in NUnit). Every text goes through the run's redactor once more (the results arrive
/// redacted); characters XML cannot hold become U+FFFD.
/// </summary>
internal static class JUnitReport
{
    public static string Render(IEnumerable<CaseResult> results, Redactor redactor)
    {
        var suites = results
            .GroupBy(r => r.Suite ?? r.Api, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.Row?.Location.Path, StringComparer.Ordinal).ThenBy(r => r.Row?.Location.Line).ThenBy(r => r.CaseName, StringComparer.Ordinal).ToList())
            .ToList();
        using var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "Conformance");
            Counts(xml, suites.SelectMany(s => s).ToList());
            foreach (var suite in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(suite[0].Suite ?? suite[0].Api));
                Counts(xml, suite);
                xml.WriteAttributeString("timestamp", suite.Min(r => r.Started).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
                foreach (var result in suite)
                {
                    Case(xml, result, redactor);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length) + "\n";
    }

    private static void Counts(XmlWriter xml, List<CaseResult> results)
    {
        var kinds = results.Select(Kind).ToList();
        xml.WriteAttributeString("tests", Number(results.Count));
        xml.WriteAttributeString("failures", Number(kinds.Count(k => k == "failure")));
        xml.WriteAttributeString("errors", Number(kinds.Count(k => k == "error")));
        xml.WriteAttributeString("skipped", Number(kinds.Count(k => k == "skipped")));
        xml.WriteAttributeString("time", Seconds(results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration)));
    }

    private static void Case(XmlWriter xml, CaseResult result, Redactor redactor)
    {
        string Text(string text) => Clean(redactor.Text(text));

        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Text(result.CaseName));
        xml.WriteAttributeString("classname", Clean(result.Row is { } row ? $"{row.Api}.{row.OperationId}" : result.Suite ?? result.Api));
        xml.WriteAttributeString("time", Seconds(result.Duration));
        if (result.Row is { } located)
        {
            xml.WriteAttributeString("file", Clean(located.Location.Path));
            xml.WriteAttributeString("line", Number(located.Location.Line));
        }

        var kind = Kind(result);
        switch (kind)
        {
            case "failure":
                Outcome(xml, "failure", Text(Summary(result)), Text(result.Message), string.Join(",", result.Failures.Select(c => c.CheckId)));
                break;
            case "error":
                Outcome(xml, "error", FirstLine(Text(result.Message)), Text(result.Message), "broken");
                break;
            case "skipped":
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", FirstLine(Text(result.KnownIssue is { } known ? $"Known issue: {known}" : result.Message)));
                xml.WriteEndElement();
                break;
            default:
                break;
        }

        if (kind is "skipped" or "passed" && result.Message.Length > 0 && (result.KnownIssue is not null || result.Checks.Any(c => c.Outcome == Checks.Outcome.Warning)))
        {
            xml.WriteElementString("system-out", Text(result.Message));
        }

        xml.WriteEndElement();
    }

    private static void Outcome(XmlWriter xml, string element, string summary, string message, string type)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("message", summary);
        xml.WriteAttributeString("type", type);
        xml.WriteString(message);
        xml.WriteEndElement();
    }

    private static string Kind(CaseResult result) => result.Verdict switch
    {
        Verdict.Failed when result.KnownIssue is not null => "skipped",
        Verdict.Failed => "failure",
        Verdict.Broken => "error",
        Verdict.Skipped => "skipped",
        _ => "passed",
    };

    /// <summary>The failing checks' own lines (the message's first line is the case name, which the test case already shows).</summary>
    private static string Summary(CaseResult result) =>
        result.Failures.Any() ? string.Join("; ", result.Failures.Select(c => $"{c.CheckId}: {c.Message}")) : FirstLine(result.Message);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');

    /// <summary>XML 1.0 holds no control characters but tab, CR and LF, and no lone surrogates: a hostile body's bytes become U+FFFD.</summary>
    private static string Clean(string text)
    {
        if (!text.Any(c => !XmlConvert.IsXmlChar(c)))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append('\uFFFD');
            }
        }

        return clean.ToString();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
