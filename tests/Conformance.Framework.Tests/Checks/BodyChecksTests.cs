using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Checks;
using Conformance.Diagnostics;
using Conformance.Tables;
using static Conformance.Framework.Tests.Checks.CheckFixture;

namespace Conformance.Framework.Tests.Checks;

public sealed class BodyChecksTests
{
    private static readonly SourceLocation At = new("t.yaml", 1, 1);

    private static BodyAssertion Equal(string pointer, JsonNode? value) => new(pointer, BodyRule.EqualTo, [value], null, At);

    [TestCase("<html>Internal error</html>", "'<' is an invalid start of a value, at line 1, byte 1")]
    [TestCase("{\n  \"a\": wid\n}", "'w' is an invalid start of a value, at line 2, byte 8")]
    [TestCase("\uFEFF{\"a\":1}", "the body starts with a UTF-8 byte order mark (EF BB BF), which a JSON text sent over a network must not (RFC 8259 8.1)")]
    public void ParsedBody_NotJson_ErrorGivesOneBasedPlaceWithoutReaderFields(string body, string expected)
    {
        var parsed = ParsedBody.From(new Conformance.Probing.ProbeResponse(500, "Internal Server Error", [], System.Text.Encoding.UTF8.GetBytes(body), false, TimeSpan.Zero));

        Assert.That(parsed.ParseError, Is.EqualTo(expected));
    }

    [Test]
    public void BodyValue_EqualMatches_Passes()
    {
        var row = Row([400], body: [Equal("/ResponseStatus/ErrorCode", "PARAMETER_REQUIRED")]);
        var result = Run(Check("body_value_conformance"), Context(row, 400, "{\"ResponseStatus\":{\"ErrorCode\":\"PARAMETER_REQUIRED\"}}", "application/json"));
        Assert.That(result.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public void BodyValue_Differs_FailsNamingPointerAndValues()
    {
        var row = Row([400], body: [Equal("/ResponseStatus/Errors/0/FieldName", "To")]);
        var result = Run(Check("body_value_conformance"), Context(row, 400, "{\"ResponseStatus\":{\"Errors\":[{\"FieldName\":\"From\"}]}}", "application/json"));
        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Details, Is.EqualTo(new[] { "/ResponseStatus/Errors/0/FieldName: expected \"To\", received \"From\"" }));
    }

    [Test]
    public void BodyValue_ExpectedTextWithAmpersandAndAccents_QuotedAsWritten()
    {
        var row = Row([400], body: [Equal("/company", "Zürich & Co <AG>"), new BodyAssertion("/city", BodyRule.OneOf, [JsonValue.Create("Genève"), JsonValue.Create("Zürich")], null, At)]);
        var result = Run(Check("body_value_conformance"), Context(row, 400, "{\"company\":\"Bern\",\"city\":\"Bern\"}", "application/json"));
        Assert.That(result.Details, Is.EqualTo(new[] { "/company: expected \"Zürich & Co <AG>\", received \"Bern\"", "/city: expected one of [\"Genève\", \"Zürich\"], received \"Bern\"" }));
    }

    [Test]
    public void BodyValue_RegexValueMissing_PatternQuoted()
    {
        var row = Row([400], body: [new BodyAssertion("/message", BodyRule.Regex, [], new Regex("^/v1/notes/[0-9]+$"), At)]);
        var result = Run(Check("body_value_conformance"), Context(row, 400, "{}", "application/json"));
        Assert.That(result.Details, Is.EqualTo(new[] { "/message: expected a value that matches \"^/v1/notes/[0-9]+$\", but it is missing" }));
    }

    [Test]
    public void BodyValue_Missing_Fails()
    {
        var row = Row([400], body: [new BodyAssertion("/code", BodyRule.OneOf, [JsonValue.Create("A"), JsonValue.Create("B")], null, At)]);
        var result = Run(Check("body_value_conformance"), Context(row, 400, "{}", "application/json"));
        Assert.That(result.Details, Is.EqualTo(new[] { "/code: expected a value that is one of [\"A\", \"B\"], but it is missing" }));
    }

    [Test]
    public void BodyValue_Regex_FailsOnMismatch()
    {
        var row = Row([400], body: [new BodyAssertion("/code", BodyRule.Regex, [], new Regex("^[A-Z]{3}-\\d{3}$"), At)]);
        Assert.That(Run(Check("body_value_conformance"), Context(row, 400, "{\"code\":\"CMN9\"}", "application/json")).Details,
            Is.EqualTo(new[] { "/code: expected a value matching \"^[A-Z]{3}-\\d{3}$\", received \"CMN9\"" }));
        Assert.That(Run(Check("body_value_conformance"), Context(row, 400, "{\"code\":\"CMN-901\"}", "application/json")).Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public void BodyValue_EmptyBodyExpected_FailsWithBody()
    {
        var row = Row([304], emptyBody: true);
        Assert.That(Run(Check("body_value_conformance"), Context(row, 304, "x")).Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(Run(Check("body_value_conformance"), Context(row, 304)).Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public void ContentType_HtmlErrorPage_Fails()
    {
        var result = Run(Check("content_type_conformance"), Context(Row([404]), 404, "<html>oops</html>", "text/html"));
        Assert.That(result.Message, Is.EqualTo("Content-Type mismatch / Expected: application/json for 404 (Not Found) / Received: text/html"));
    }

    [TestCase("1.0", "1", true)]
    [TestCase("1e2", "100", true)]
    [TestCase("-0.50", "-0.5", true)]
    [TestCase("0.1000000000000000001", "0.1", false)]
    [TestCase("2", "-2", false)]
    public void BodyValue_NumbersWrittenDifferently_ComparedExactly(string received, string expected, bool same)
    {
        var assertion = new Conformance.Tables.BodyAssertion("/n", Conformance.Tables.BodyRule.EqualTo, [System.Text.Json.Nodes.JsonNode.Parse(expected)], null, new Conformance.Diagnostics.SourceLocation("t.yaml", 1, 1));
        var result = Run(Check("body_value_conformance"), Context(Row([200], body: [assertion]), 200, $"{{\"n\":{received}}}", "application/json"));
        Assert.That(result.Outcome, Is.EqualTo(same ? Outcome.Passed : Outcome.Failed), result.Message);
    }

    [Test]
    public void ContentType_ContractWithParameters_ComparedBare()
    {
        var context = Context(Row([404]), 404, "{}", "application/json; charset=utf-8");
        var withCharset = context with { Pack = context.Pack with { Errors = [new Conformance.Contracts.BodyContract(Conformance.Contracts.StatusPattern.Parse("4xx")!, "schemas/error.schema.json", "application/json; charset=utf-8")] } };

        Assert.That(Run(Check("content_type_conformance"), withCharset).Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public void ContentType_JsonWithCharset_Passes() =>
        Assert.That(Run(Check("content_type_conformance"), Context(Row([404]), 404, "{}", "application/json; charset=utf-8")).Outcome, Is.EqualTo(Outcome.Passed));

    [Test]
    public void Header_FormatAndPattern_Evaluated()
    {
        var row = Row([429], headers: [new HeaderAssertion("Retry-After", HeaderRule.Format, "delta-seconds", null, At), new HeaderAssertion("X-Rate-Limit-Limit", HeaderRule.Pattern, "^\\d+$", new Regex("^\\d+$"), At)]);
        var bad = Run(Check("header_conformance"), Context(row, 429, headers: [("Retry-After", "later"), ("X-Rate-Limit-Limit", "many")]));
        Assert.That(bad.Details, Is.EqualTo(new[] { "Retry-After: expected in delta-seconds format, received 'later'", "X-Rate-Limit-Limit: expected matching \"^\\d+$\", received 'many'" }));
        var good = Run(Check("header_conformance"), Context(row, 429, headers: [("Retry-After", "3"), ("X-Rate-Limit-Limit", "10")]));
        Assert.That(good.Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public void Header_AbsentButPresent_Fails()
    {
        var row = Row([200], headers: [new HeaderAssertion("X-Powered-By", HeaderRule.Absent, null, null, At)]);
        Assert.That(Run(Check("header_conformance"), Context(row, 200, headers: [("X-Powered-By", "ASP.NET")])).Details,
            Is.EqualTo(new[] { "X-Powered-By: expected absent, received 'ASP.NET'" }));
    }
}
