using Conformance.Checks;
using static Conformance.Framework.Tests.Checks.CheckFixture;

namespace Conformance.Framework.Tests.Checks;

public sealed class StatusChecksTests
{
    [Test]
    public void StatusCode_Expected_Passes() =>
        Assert.That(Run(Check("status_code_conformance"), Context(Row([404]), 404)).Outcome, Is.EqualTo(Outcome.Passed));

    [Test]
    public void StatusCode_Mismatch_FailsWithBothMeanings()
    {
        var result = Run(Check("status_code_conformance"), Context(Row([404]), 400));
        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Is.EqualTo("Status code mismatch / Expected: 404 (Not Found) / Received: 400 (Bad Request)"));
    }

    [Test]
    public void StatusCode_OneOfSeveral_Passes() =>
        Assert.That(Run(Check("status_code_conformance"), Context(Row([204, 404]), 404)).Outcome, Is.EqualTo(Outcome.Passed));

    [Test]
    public void DocumentedStatus_Undocumented_FailsCitingTheTable()
    {
        var result = Run(Check("documented_status"), Context(Row([404]), 418));
        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Is.EqualTo("Undocumented HTTP status code / Received: 418 / Documented: 200, 201, 204, 304, 400, 401, 404, 405, 429, 503, 5xx (api.yaml statuses, from https://docs.example.test/errors)"));
    }

    [Test]
    public void DocumentedStatus_ClassEntryCovers_Passes() =>
        Assert.That(Run(Check("documented_status"), Context(Row([200]), 502)).Outcome, Is.EqualTo(Outcome.Passed));

    [Test]
    public void NotAServerError_UnexpectedServerError_Fails()
    {
        var result = Run(Check("not_a_server_error"), Context(Row([400]), 500));
        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.StartWith("Server error / Received: 500 (Internal Server Error) / Expected: 400"));
    }

    [TestCase(new[] { 400 }, "a client error")]
    [TestCase(new[] { 204 }, "a success")]
    [TestCase(new[] { 301 }, "a redirect")]
    [TestCase(new[] { 204, 404 }, "a success or a client error")]
    [TestCase(new[] { 200, 503 }, "a success or a 503")]
    public void NotAServerError_ServerErrorWhereTheRowExpectsAnotherClass_SaysWhatTheRowExpects(int[] expected, string promised)
    {
        var result = Run(Check("not_a_server_error"), Context(Row(expected), 500));

        Assert.That(result.Message, Is.EqualTo($"Server error / Received: 500 (Internal Server Error) / Expected: {string.Join("|", expected)}: the request was answered with a server fault where the documentation promises {promised}"));
    }

    [Test]
    public void NotAServerError_ExpectedServerError_Passes() =>
        Assert.That(Run(Check("not_a_server_error"), Context(Row([503]), 503)).Outcome, Is.EqualTo(Outcome.Passed));

    [Test]
    public void NotAServerError_ClientError_Passes() =>
        Assert.That(Run(Check("not_a_server_error"), Context(Row([200]), 404)).Outcome, Is.EqualTo(Outcome.Passed));
}
