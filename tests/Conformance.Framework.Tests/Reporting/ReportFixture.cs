using System.Text;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Tables;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>A hand-made pack, rows and case results for the reporting tests; every request carries <see cref="Secret"/>.</summary>
internal static class ReportFixture
{
    public const string Secret = "sk-live-7d1f8b2a9c4e4f0b";
    public static readonly DateTimeOffset Started = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static readonly ApiPack Pack = new(
        "demo", "Demo API", "https://docs.example.test/errors", "/tmp/demo", null,
        new AuthScheme("Authorization", "api_key", "Bearer {token}", "Bearer", "sample"),
        new Dictionary<string, string>(), new PackLimits(4, 10),
        [Doc("200", "OK"), Doc("400", "Bad Request"), Doc("401", "Unauthorized"), Doc("404", "Not Found"), Doc("429", "Too Many Requests"), Doc("5xx", "Server error")],
        [], [], new Dictionary<int, string> { [429] = "needs a burst the target's quota forbids", [503] = "only during maintenance" },
        new Dictionary<string, Severity>(), new Dictionary<string, Operation>(), new SourceLocation("contracts/demo/api.yaml", 1, 1));

    public static readonly Redactor Redactor = new([Secret], ["Authorization", "api_key"]);

    public static ReportScope Scope(params StatusRow[] rows) =>
        new([Pack], rows, new Dictionary<string, Uri> { ["demo"] = new("https://api.example.test/v1/") }, Redactor);

    public static StatusRow Row(string id, string operation, string scenario, params int[] expected) =>
        new(id, "demo", operation, scenario, new Dictionary<string, JsonNode?>(), expected, null, false, [], [], false, null,
            new Dictionary<string, Severity>(), null, new SourceLocation("contracts/demo/tables/things.yaml", 10, 5));

    public static ProbeRequest Request(string path = "/things/42", string? body = null) =>
        new("GET", path, [new("api_key", Secret), new("limit", "5")], [new("Authorization", "Bearer " + Secret), new("Accept", "application/json")],
            body, body is null ? null : "application/json", Secret);

    public static ProbeStep Step(int status, string body, string? retryAfter = null)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Content-Type", "application/json"), new("Set-Cookie", "session=" + Secret) };
        if (retryAfter is not null)
        {
            headers.Add(new("Retry-After", retryAfter));
        }

        return new ProbeStep(Request(), new ProbeResponse(status, "Reason", headers, Encoding.UTF8.GetBytes(body), false, TimeSpan.FromMilliseconds(12)), null);
    }

    public static CaseResult Passed(StatusRow row, int status) =>
        Result(row, Verdict.Passed, "ok", Step(status, "{\"id\":42,\"name\":\"thing\"}"), [CheckResult.Pass("status_code_conformance", $"Received {status} as expected."), CheckResult.Skip("allow_on_405", "Not a 405.")]);

    public static CaseResult StatusMismatch(StatusRow row, int received) => Result(
        row, Verdict.Failed, $"{row.CaseName}\nFAILED status_code_conformance: Status code mismatch / Expected: {row.ExpectedText} / Received: {received}\nReproduce: curl -H 'Authorization: Bearer {Secret}'",
        Step(received, $"{{\"error\":\"nope\",\"echo\":\"Bearer {Secret}\"}}"),
        [CheckResult.Fail("status_code_conformance", $"Status code mismatch / Expected: {row.ExpectedText} / Received: {received}"), CheckResult.Pass("documented_status", $"{received} is documented.")]);

    public static CaseResult SchemaViolation(StatusRow row, int status) => Result(
        row, Verdict.Failed, "schema", Step(status, "{\"code\":7}"),
        [CheckResult.Pass("status_code_conformance", $"Received {status} as expected."),
         CheckResult.Fail("body_schema_conformance", "Body schema violation / 2 error(s) against schemas/error.schema.json (for 404)", ["(root): required property 'message' is missing [schema /required]", "/code: expected string, got integer [schema /properties/code/type]"])]);

    public static CaseResult Result(StatusRow row, Verdict verdict, string message, ProbeStep? final, IReadOnlyList<CheckResult> checks, IReadOnlyList<ProbeStep>? retried = null) =>
        new("demo", row.CaseName, row, verdict, message, final is null ? null : ProbeExchange.Of(final), checks, retried ?? [],
            $"curl -i -X GET 'https://api.example.test/v1/things/42?api_key={Secret}' -H 'Authorization: Bearer {Secret}'", Started, TimeSpan.FromMilliseconds(250));

    /// <summary>The key the scorecard keeps a row's verdict under, as Allure's history follows it.</summary>
    public static string Key(StatusRow row) => CaseIdentity.For(row).Key;

    public static string TempDir() => Path.Combine(Path.GetTempPath(), "conformance-reporting-" + Guid.NewGuid().ToString("N"));

    /// <summary>Removes a results folder and the folder the writer moves an earlier run's files aside into.</summary>
    public static void DeleteResults(string dir)
    {
        foreach (var folder in new[] { dir, Conformance.Reporting.Allure.AllureWriter.Discarded(dir) }.Where(Directory.Exists))
        {
            Directory.Delete(folder, true);
        }
    }

    private static DocumentedStatus Doc(string code, string meaning) => new(StatusPattern.Parse(code)!, meaning);
}
