using System.Text;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Diagnostics;
using Conformance.Engine;
using Conformance.Probing;
using Conformance.Tables;
using static Conformance.Framework.Tests.Checks.CheckFixture;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A cleanup after a probe that deleted the resource gets the API's "already gone" answer: 404/410, or what the pack's
/// unknown_id rows of the cleanup operation expect (Fone Dynamics: 400 with ErrorCode ADDRESS_NOT_FOUND); another
/// answer of the same status is still a failed cleanup.
/// </summary>
public sealed class CleanupGoneTests
{
    private const string Curl = "curl -i -X DELETE 'http://127.0.0.1/addresses/AD1'";
    private static readonly SourceLocation At = new("t.yaml", 1, 1);

    private static readonly StatusRow Unknown = Row([400], body: [new BodyAssertion("/ResponseStatus/ErrorCode", BodyRule.EqualTo, [JsonValue.Create("ADDRESS_NOT_FOUND")], null, At)])
        with { OperationId = "delete_address", ScenarioId = "unknown_id" };

    private static ProbeStep Step(int status, string body) => new(
        new ProbeRequest("DELETE", "/addresses/AD1", [], [], null, null, null),
        new ProbeResponse(status, status == 400 ? "Bad Request" : "Not Found", [new("Content-Type", "application/json")], Encoding.UTF8.GetBytes(body), false, TimeSpan.Zero),
        null);

    [Test]
    public void Judge_AnswerTheUnknownIdRowExpects_PassesAsAlreadyGone()
    {
        var result = CaseCleanup.Judge("delete_address", "create_address", Step(400, """{"ResponseStatus":{"ErrorCode":"ADDRESS_NOT_FOUND"}}"""), Curl, Pack, CleanupGone.RowsFor([Unknown], "delete_address"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(Outcome.Passed));
            Assert.That(result.Message, Is.EqualTo("Cleanup delete_address answered 400 Bad Request (already gone, as delete_address / unknown_id expects: the probe removed it)"));
        });
    }

    [Test]
    public void Judge_SameStatusAnotherErrorCode_WarningNamingWhatGoneLooksLike()
    {
        var result = CaseCleanup.Judge("delete_address", "create_address", Step(400, """{"ResponseStatus":{"ErrorCode":"PARAMETER_INVALID"}}"""), Curl, Pack, CleanupGone.RowsFor([Unknown], "delete_address"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(Outcome.Warning));
            Assert.That(result.Message, Is.EqualTo("Cleanup failed: DELETE /addresses/AD1 (delete_address) / Expected: a 2xx, or 404/410 or what delete_address / unknown_id expects (400) if the probe removed it / Received: 400 Bad Request, body {\"ResponseStatus\":{\"ErrorCode\":\"PARAMETER_INVALID\"}}"));
            Assert.That(result.Details, Is.EqualTo(new[] { $"What the setup (create_address) made may still be on the target; remove it with: {Curl}" }));
        });
    }

    [Test]
    public void Judge_NoUnknownIdRow_400IsAWarningAnd404Passes()
    {
        var gone = CleanupGone.RowsFor([Unknown with { ScenarioId = "valid" }, Unknown with { OperationId = "delete_other" }], "delete_address");

        Assert.Multiple(() =>
        {
            Assert.That(gone, Is.Empty);
            Assert.That(CaseCleanup.Judge("delete_address", "create_address", Step(400, """{"ResponseStatus":{"ErrorCode":"ADDRESS_NOT_FOUND"}}"""), Curl, Pack, gone).Outcome, Is.EqualTo(Outcome.Warning));
            Assert.That(CaseCleanup.Judge("delete_address", "create_address", Step(404, "{}"), Curl, Pack, gone).Message, Is.EqualTo("Cleanup delete_address answered 404 Not Found (already gone: the probe removed it)"));
        });
    }
}
