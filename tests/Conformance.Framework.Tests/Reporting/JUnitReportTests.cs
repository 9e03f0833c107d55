using System.Xml.Linq;
using Conformance.Checks;
using Conformance.Reporting;
using Conformance.Reporting.JUnit;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary><see cref="JUnitReport"/>: what GitLab, Jenkins and the others read; every verdict, counts, secrets, bad characters.</summary>
public sealed class JUnitReportTests
{
    private static readonly Conformance.Tables.StatusRow Valid = Row("things.valid", "get_thing", "valid", 200);
    private static readonly Conformance.Tables.StatusRow Unknown = Row("things.unknown_id", "get_thing", "unknown_id", 404);

    [Test]
    public void Render_EveryVerdict_PinnedDocument()
    {
        var results = new[]
        {
            Passed(Valid, 200),
            StatusMismatch(Unknown, 400),
            Result(Row("things.burst", "list_things", "rate_limit", 429), Verdict.Broken, "Target unreachable (timeout): No complete response from 127.0.0.1:8080 within 10 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow.", null, []),
            Result(Row("things.delete", "delete_thing", "valid", 204), Verdict.Skipped, "Skipped: operation 'delete_thing' mutates and demo.allowMutation is not true for api.example.test", null, []),
            StatusMismatch(Row("things.tracked", "get_thing", "not_acceptable", 406), 200) with { KnownIssue = "DEMO-7: answers 200 to Accept: text/csv" },
        };

        var xml = JUnitReport.Render(results, ReportFixture.Redactor);

        Assert.That(xml, Is.EqualTo(Expected), xml);
    }

    [Test]
    public void Render_SecretInAMessage_Masked()
    {
        var xml = JUnitReport.Render([StatusMismatch(Unknown, 400)], ReportFixture.Redactor);

        Assert.Multiple(() =>
        {
            Assert.That(xml, Does.Not.Contain(Secret));
            Assert.That(xml, Does.Contain("Bearer ***"));
        });
    }

    [Test]
    public void Render_ControlCharactersFromAHostileBody_ReplacedAndTheDocumentParses()
    {
        var failed = Result(Valid, Verdict.Failed, "Body is not JSON: \"\u0001\u001b[31m\ud800\"", null, [CheckResult.Fail("body_schema_conformance", "Body is not JSON")]);

        var document = XDocument.Parse(JUnitReport.Render([failed], ReportFixture.Redactor));

        Assert.That(document.Descendants("failure").Single().Value, Is.EqualTo("Body is not JSON: \"\uFFFD\uFFFD[31m\uFFFD\""));
    }

    [Test]
    public void Render_TwoApis_OneSuiteEachWithItsOwnCounts()
    {
        var results = new[] { Passed(Valid, 200), Passed(Unknown, 404) with { Api = "other" }, StatusMismatch(Unknown, 400) };

        var suites = XDocument.Parse(JUnitReport.Render(results, ReportFixture.Redactor)).Root!.Elements("testsuite")
            .Select(s => $"{s.Attribute("name")!.Value}: {s.Attribute("tests")!.Value} tests, {s.Attribute("failures")!.Value} failures");

        Assert.That(suites, Is.EqualTo(new[] { "demo: 2 tests, 1 failures", "other: 1 tests, 0 failures" }));
    }

    private const string Expected = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites name="Conformance" tests="5" failures="1" errors="1" skipped="2" time="1.250">
          <testsuite name="demo" tests="5" failures="1" errors="1" skipped="2" time="1.250" timestamp="2026-01-02T03:04:05">
            <testcase name="demo / delete_thing / valid -&gt; 204" classname="demo.delete_thing" time="0.250" file="contracts/demo/tables/things.yaml" line="10">
              <skipped message="Skipped: operation 'delete_thing' mutates and demo.allowMutation is not true for api.example.test" />
            </testcase>
            <testcase name="demo / get_thing / not_acceptable -&gt; 406" classname="demo.get_thing" time="0.250" file="contracts/demo/tables/things.yaml" line="10">
              <skipped message="Known issue: DEMO-7: answers 200 to Accept: text/csv" />
              <system-out>demo / get_thing / not_acceptable -&gt; 406
        FAILED status_code_conformance: Status code mismatch / Expected: 406 / Received: 200
        Reproduce: curl -H 'Authorization: Bearer ***'</system-out>
            </testcase>
            <testcase name="demo / get_thing / unknown_id -&gt; 404" classname="demo.get_thing" time="0.250" file="contracts/demo/tables/things.yaml" line="10">
              <failure message="status_code_conformance: Status code mismatch / Expected: 404 / Received: 400" type="status_code_conformance">demo / get_thing / unknown_id -&gt; 404
        FAILED status_code_conformance: Status code mismatch / Expected: 404 / Received: 400
        Reproduce: curl -H 'Authorization: Bearer ***'</failure>
            </testcase>
            <testcase name="demo / get_thing / valid -&gt; 200" classname="demo.get_thing" time="0.250" file="contracts/demo/tables/things.yaml" line="10" />
            <testcase name="demo / list_things / rate_limit -&gt; 429" classname="demo.list_things" time="0.250" file="contracts/demo/tables/things.yaml" line="10">
              <error message="Target unreachable (timeout): No complete response from 127.0.0.1:8080 within 10 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow." type="broken">Target unreachable (timeout): No complete response from 127.0.0.1:8080 within 10 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow.</error>
            </testcase>
          </testsuite>
        </testsuites>

        """;
}
