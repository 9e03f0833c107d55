using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Schema;
using Conformance.Tables;
using static Conformance.Framework.Tests.Checks.CheckFixture;

namespace Conformance.Framework.Tests.Checks;

/// <summary>An <c>errors:</c> entry with <c>body: optional</c>: no body is fine, a body present must meet the schema.</summary>
public sealed class OptionalBodyTests
{
    private const string ErrorSchema = "schemas/error.schema.json";

    private static readonly ApiPack OptionalPack = Pack with { Errors = [new BodyContract(StatusPattern.Parse("4xx")!, ErrorSchema, "application/json") { BodyOptional = true }] };

    private static CheckContext Context400(ApiPack pack, string body)
    {
        var schema = JsonSchema.Parse("""{ "type": "object", "required": ["error"] }""").Schema;
        var row = Row([400]);
        var context = Context(row, 400, body, body.Length == 0 ? null : "application/json");
        return context with { Pack = pack, Schema = schema, SchemaPath = ErrorSchema, BodyOptional = BodySchemaResolver.BodyOptional(pack, row, 400) };
    }

    [Test]
    public void BodySchema_EmptyBodyWhereContractOptional_Passes()
    {
        var result = Run(Check("body_schema_conformance"), Context400(OptionalPack, string.Empty));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(Outcome.Passed));
            Assert.That(result.Message, Is.EqualTo("No body, which the contract for 400 allows (body: optional); a body would have to meet schemas/error.schema.json."));
        });
    }

    [Test]
    public void BodySchema_WrongBodyWhereContractOptional_StillFails()
    {
        var result = Run(Check("body_schema_conformance"), Context400(OptionalPack, "{\"message\":\"no\"}"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
            Assert.That(result.Message, Is.EqualTo("Body schema violation / 1 error(s) against schemas/error.schema.json (for 400)"));
        });
    }

    [Test]
    public void BodySchema_NotJsonWhereContractOptional_StillFails()
    {
        var result = Run(Check("body_schema_conformance"), Context400(OptionalPack, "<html>oops</html>"));

        Assert.That(result.Message, Does.StartWith("Body is not JSON / Expected: JSON meeting schemas/error.schema.json (for 400)"));
    }

    [Test]
    public void BodySchema_EmptyBodyWhereContractRequired_Fails()
    {
        var result = Run(Check("body_schema_conformance"), Context400(Pack, string.Empty));

        Assert.That(result.Message, Is.EqualTo("Body schema violation / Expected: a body meeting schemas/error.schema.json (for 400) / Received: an empty body"));
    }

    [Test]
    public void BodyOptional_RowWithOwnSchema_NotOptional()
    {
        var row = Row([400]) with { Schema = "schemas/strict.schema.json" };

        Assert.Multiple(() =>
        {
            Assert.That(BodySchemaResolver.BodyOptional(OptionalPack, row, 400), Is.False);
            Assert.That(BodySchemaResolver.BodyOptional(OptionalPack, Row([400]), 400), Is.True);
            Assert.That(BodySchemaResolver.BodyOptional(OptionalPack, Row([400]), 500), Is.False);
            Assert.That(BodySchemaResolver.BodyOptional(OptionalPack, Row([400]) with { SchemaExplicitlyNone = true }, 400), Is.False);
        });
    }

    [Test]
    public void BodyValue_EmptyBodyWhereContractOptional_RowAssertionStillFails()
    {
        var row = Row([400], body: [new BodyAssertion("/error", BodyRule.Exists, [], null, new Conformance.Diagnostics.SourceLocation("t.yaml", 1, 1))]);
        var context = Context(row, 400, string.Empty) with { Pack = OptionalPack, BodyOptional = true };

        Assert.That(Run(Check("body_value_conformance"), context).Outcome, Is.EqualTo(Outcome.Failed));
    }
}
