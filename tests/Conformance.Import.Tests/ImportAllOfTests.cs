using static Conformance.Import.Tests.DraftBuilderTests;

namespace Conformance.Import.Tests;

/// <summary>
/// A request body whose required fields come through <c>allOf</c> (a part requires what another declares, a part of a
/// part) or sit beside <c>oneOf</c>: the valid body holds each of them as its declaration says, and a missing_field row
/// removes the first.
/// </summary>
public sealed class ImportAllOfTests
{
    [Test]
    public async Task Build_FieldRequiredOnlyInAnAllOfPart_MissingFieldRowForIt()
    {
        var draft = await DraftOfJsonAsync("parts", Document("""
            {"allOf":[{"$ref":"#/components/schemas/Base"},{"required":["name"],"properties":{"name":{"type":"string","minLength":2}}}]}
            """));

        var op = draft.Operations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(op.Body?.ToJsonString(), Is.EqualTo("""{"name":"sample"}"""));
            Assert.That(op.RequiredBodyFields, Is.EqualTo(new[] { "name" }));
            Assert.That(draft.Rows.Select(Text), Is.EqualTo(new[] { "create_thing valid 201", "create_thing missing_field 422 field=/name" }));
        });
    }

    [Test]
    public async Task Build_RequiredInOnePartDeclaredInAnother_EachNameOnceAndDraftedAsDeclared()
    {
        // id: required beside allOf and in two parts; tag: required in one part, declared in Base; count: required in a
        // part of a part, declared in Base (an integer, minimum 5); size: required beside allOf, declared in a part of Sized.
        var draft = await DraftOfJsonAsync("merged", Document("""
            {"required":["id","size"],"allOf":[{"$ref":"#/components/schemas/Base"},{"required":["tag","id"]},{"allOf":[{"required":["count"]}]},{"$ref":"#/components/schemas/Sized"}]}
            """));

        var op = draft.Operations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(op.Body?.ToJsonString(), Is.EqualTo("""{"count":5,"id":1,"size":3,"tag":"sample"}"""), "count and size were \"sample\", which their integer schemas reject");
            Assert.That(op.RequiredBodyFields, Is.EqualTo(new[] { "id", "size", "tag", "count" }));
            Assert.That(draft.Rows.Select(Text), Is.EqualTo(new[] { "create_thing valid 201", "create_thing missing_field 422 field=/id" }));
        });
    }

    [Test]
    public async Task Build_ReadOnlyFieldRequiredInAnAllOfPart_LeftOutOfBodyAndRows()
    {
        var draft = await DraftOfJsonAsync("readonly", Document("""
            {"allOf":[{"required":["uid","name"],"properties":{"uid":{"type":"string","readOnly":true}}},{"properties":{"name":{"type":"string"}}}]}
            """));

        var op = draft.Operations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(op.Body?.ToJsonString(), Is.EqualTo("""{"name":"sample"}"""));
            Assert.That(op.RequiredBodyFields, Is.EqualTo(new[] { "name" }));
        });
    }

    [Test]
    public async Task Build_RequiredBesideOneOf_InTheBodyWithTheFirstChoice()
    {
        var draft = await DraftOfJsonAsync("choice", Document("""
            {"type":"object","required":["amount"],"properties":{"amount":{"type":"integer","minimum":5}},
             "oneOf":[{"required":["card"],"properties":{"card":{"type":"string"}}},{"required":["iban"],"properties":{"iban":{"type":"string"}}}]}
            """));

        var op = draft.Operations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(op.Body?.ToJsonString(), Is.EqualTo("""{"card":"sample","amount":5}"""), "amount was missing, which the schema requires whichever choice");
            Assert.That(draft.Rows.Select(Text), Is.EqualTo(new[] { "create_thing valid 201", "create_thing missing_field 422 field=/amount" }));
        });
    }

    [Test]
    public async Task Build_AllOfOfAPropertysTypeAndADescription_DraftedAsThatType()
    {
        // A 3.1 "$ref beside a description" and allOf around a referenced integer: each was drafted as {}, which the
        // property's type rejects.
        var draft = await DraftOfJsonAsync("plain", Document("""
            {"type":"object","required":["count","note"],"properties":{
              "count":{"allOf":[{"$ref":"#/components/schemas/Base/properties/count"}],"description":"how many"},
              "note":{"allOf":[{"type":"string","minLength":3},{"maxLength":9}]}}}
            """));

        Assert.That(draft.Operations.Single().Body?.ToJsonString(), Is.EqualTo("""{"count":5,"note":"sample"}"""));
    }

    private static string Text(DraftRow row) => $"{row.Op} {row.Scenario} {row.Expect} {string.Join(",", row.With.Select(w => $"{w.Key}={w.Value}"))}".TrimEnd();

    /// <summary>createThing (POST /things, 201 or 422) whose JSON request body has <paramref name="schema"/>, with components Base and Sized.</summary>
    private static string Document(string schema) =>
        """
        {"openapi":"3.1.0","info":{"title":"AllOf","version":"1"},
         "components":{"schemas":{
           "Base":{"type":"object","properties":{"id":{"type":"integer"},"tag":{"type":"string"},"count":{"type":"integer","minimum":5}}},
           "Sized":{"allOf":[{"type":"object","properties":{"size":{"type":"integer","minimum":3}}}]}}},
         "paths":{"/things":{"post":{"operationId":"createThing",
           "requestBody":{"content":{"application/json":{"schema":
        """ + schema + """
        }}},
           "responses":{"201":{"description":"created"},"422":{"description":"invalid"}}}}}}
        """;
}
