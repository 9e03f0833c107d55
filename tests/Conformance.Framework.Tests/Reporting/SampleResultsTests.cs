using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Tables;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// Writes ~20 varied results for report/render.sh and report/screenshot.sh (run it by name to fill a folder of your choice;
/// in the normal run it writes under the test work directory and checks every result file is there).
/// CONFORMANCE_SAMPLE_RESULTS names the folder; CONFORMANCE_SAMPLE_NIGHT=2 flips a few verdicts to show history.
/// </summary>
public sealed class SampleResultsTests
{
    [Test]
    public void SampleRun_VariedCases_WritesResultsFolder()
    {
        var dir = Environment.GetEnvironmentVariable("CONFORMANCE_SAMPLE_RESULTS") ?? Path.Combine(TestContext.CurrentContext.WorkDirectory, "sample-allure-results");
        var night2 = Environment.GetEnvironmentVariable("CONFORMANCE_SAMPLE_NIGHT") == "2";
        var shop = Pack with { Name = "shop", Title = "Shop API", DocsUrl = "https://shop.example.test/docs/errors", Unprovokable = new Dictionary<int, string> { [503] = "maintenance only" } };
        var rows = new List<StatusRow>();
        var results = new List<CaseResult>();
        void Add(CaseResult r)
        {
            rows.Add(r.Row!);
            results.Add(r);
        }

        foreach (var (api, op) in new[] { ("demo", "get_thing"), ("demo", "list_things"), ("shop", "get_order"), ("shop", "create_order") })
        {
            Add(Of(api, Passed(R(api, op, "valid", 200), 200)));
            Add(Of(api, Passed(R(api, op, "no_auth", 401), 401)));
            Add(Of(api, night2 && op == "get_thing" ? Passed(R(api, op, "unknown_id", 404), 404) : StatusMismatch(R(api, op, "unknown_id", 404), op == "get_order" ? 500 : 200)));
            Add(Of(api, SchemaViolation(R(api, op, "bad_param", 400), 400)));
        }

        Add(Of("demo", Passed(R("demo", "get_thing", "rate_limit", 200), 200) with { Retried = [Step(429, "{\"error\":\"slow down\"}", "1")] }));
        Add(Of("shop", Result(R("shop", "get_order", "timeout", 200), Verdict.Broken, "Target unreachable (timeout): no answer from https://shop.example.test within 10 s", new Probing.ProbeStep(Request(), null, new Probing.ProbeFailure("timeout", "no answer within 10 s")), [])));
        Add(Of("shop", Result(R("shop", "create_order", "mutating", 201), Verdict.Skipped, "Skipped: operation 'create_order' mutates and shop.allowMutation is not true for shop.example.test", null, [])));
        Add(Of("demo", Result(R("demo", "list_things", "teapot", 400), Verdict.Failed, "demo / list_things / teapot -> 400\nFAILED documented_status: Undocumented HTTP status code / Received: 418 / Documented: 200, 400, 401, 404, 429, 5xx",
            Step(418, "{\"error\":\"I'm a teapot\"}"), [CheckResult.Fail("status_code_conformance", "Status code mismatch / Expected: 400 (Bad Request) / Received: 418 (not in the documentation)"), CheckResult.Fail("documented_status", "Undocumented HTTP status code / Received: 418 / Documented: 200, 400, 401, 404, 429, 5xx")])));
        Add(Of("demo", Result(R("demo", "get_thing", "no_auth_header", 401), Verdict.Failed, "demo / get_thing / no_auth_header -> 401\nFAILED www_authenticate_on_401: 401 without WWW-Authenticate header / ...",
            Step(401, "{\"error\":\"unauthorized\"}"), [CheckResult.Pass("status_code_conformance", "Received 401 as expected."), CheckResult.Fail("www_authenticate_on_401", "401 without WWW-Authenticate header / Expected: a challenge naming the auth scheme (RFC 9110 11.6.1) / Received: no WWW-Authenticate header")])));
        results.Add(new CaseResult("shop", "contracts/shop/tables/orders.yaml:41 (invalid)", null, Verdict.Broken,
            "Invalid contract: contracts/shop/tables/orders.yaml(41,9): error CT0103: Unknown check 'status_code_conformence'. Did you mean 'status_code_conformance'?", null, [], [], null, Started, TimeSpan.Zero));

        var scope = new ReportScope([Pack, shop], rows, new Dictionary<string, Uri> { ["demo"] = new("https://api.example.test/v1/"), ["shop"] = new("https://shop.example.test/") }, ReportFixture.Redactor);
        var writer = new AllureWriter(scope, new ReportLocation(dir, dir));
        foreach (var result in results)
        {
            writer.Write(result);
        }

        writer.Finish();
        TestContext.Out.WriteLine($"Wrote {results.Count} results to {dir}");
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(dir, "*-result.json"), Has.Length.EqualTo(results.Count), "one per case, the scorecards in the globals");
            Assert.That(Directory.GetFiles(dir, "*-globals.json"), Has.Length.EqualTo(1));
        });
    }

    private static StatusRow R(string api, string op, string scenario, int status) => Row($"{op}.{scenario}", op, scenario, status) with { Api = api };

    private static CaseResult Of(string api, CaseResult result) => result with { Api = api, CaseName = result.Row!.CaseName, Started = DateTimeOffset.UtcNow };
}
