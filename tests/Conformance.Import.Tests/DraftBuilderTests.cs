
namespace Conformance.Import.Tests;

/// <summary>What a document becomes (Fixtures/shop.openapi.json, OpenAPI 3.1): auth, operations, statuses, schemas, rows.</summary>
public sealed class DraftBuilderTests
{
    private PackDraft draft = null!;

    [OneTimeSetUp]
    public async Task BuildAsync()
    {
        draft = await DraftAsync("shop", ImportFolder.Fixture("shop.openapi.json"));
    }

    [Test]
    public void Build_ApiKeyInQuery_AuthByQueryParameter() =>
        Assert.That(draft.Auth, Is.EqualTo(new DraftAuth(null, "api_key", "{token}", "ApiKey", "shop-sample-token")));

    [Test]
    public void Build_NoOperationId_IdFromMethodAndPath()
    {
        var create = draft.Operations.Single(o => o.Path == "/orders");

        Assert.Multiple(() =>
        {
            Assert.That(create.Id, Is.EqualTo("post_orders"));
            Assert.That(create.Body?.ToJsonString(), Is.EqualTo("""{"sku":"samplexx","quantity":1}"""));
            Assert.That(create.RequiredBodyFields, Is.EqualTo(new[] { "sku", "quantity" }));
        });
    }

    [Test]
    public void Build_Statuses_RangesKeptDefaultLeftOut()
    {
        Assert.Multiple(() =>
        {
            Assert.That(draft.Statuses.Keys, Is.EquivalentTo(new[] { "201", "415", "422", "4xx", "200", "401", "406", "503" }));
            Assert.That(draft.Docs, Is.EqualTo("https://docs.example.com/shop/errors"));
        });
    }

    [Test]
    public void Build_Rows_OneScenarioPerProvokableStatus()
    {
        Assert.That(draft.Rows.Select(r => $"{r.Op} {r.Scenario} {r.Expect} {string.Join(",", r.With.Select(w => $"{w.Key}={w.Value}"))}".TrimEnd()), Is.EqualTo(new[]
        {
            "post_orders valid 201",
            "post_orders wrong_content_type 415",
            "post_orders missing_field 422 field=/sku",
            "get_health valid 200",
            "get_health not_acceptable 406",
        }));
    }

    [Test]
    public void Build_PublicOperation401AndUnprovokable_ListedWithAReason()
    {
        Assert.That(draft.Unprovokable.Keys, Is.EquivalentTo(new[] { "401", "503" }));
    }

    [Test]
    public async Task Build_SchemeDeclaredButNeverRequired_NoAuthRows()
    {
        var open = await DraftOfJsonAsync("open", """
            {"openapi":"3.1.0","info":{"title":"Open","version":"1"},
             "components":{"securitySchemes":{"b":{"type":"http","scheme":"bearer"}}},
             "paths":{"/items":{"get":{"responses":{"200":{"description":"ok"},"401":{"description":"never"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(open.Rows.Select(r => r.Scenario), Is.EqualTo(new[] { "valid" }));
            Assert.That(open.Unprovokable.Keys, Is.EqualTo(new[] { "401" }));
        });
    }

    [Test]
    public async Task Build_ReferenceTheDocumentDoesNotHold_NoContractAndANote()
    {
        var dangling = await DraftOfJsonAsync("dangling", """
            {"openapi":"3.1.0","info":{"title":"Dangling","version":"1"},
             "paths":{"/items":{"get":{"operationId":"listItems","responses":{
               "200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Missing"}}}}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(dangling.Operations.Single().Schema, Is.Null);
            Assert.That(dangling.SchemaFiles, Is.Empty);
            Assert.That(dangling.Notes, Is.EqualTo(new[] { "the response schema of list_items 200 refers to '#/components/schemas/Missing', which this document does not hold: no body contract drafted for it" }));
        });
    }

    [Test]
    public void Build_NoServerAndStatusesWithoutABody_NoBaseUrlNoteRowsNotHeldToTheDefaultBody()
    {
        // 415 and 406 are documented without content, so the default response's body (errors' 4xx) is not theirs.
        Assert.Multiple(() =>
        {
            Assert.That(draft.Notes, Is.EqualTo(new[]
            {
                "1 operation(s) document 415 without a body schema, which errors gives as schemas/error-default.schema.json: their 415 rows have schema: none (the body is not checked), and checks: { content_type_conformance: off } where they document no application/json body: post_orders",
                "1 operation(s) document 406 without a body schema, which errors gives as schemas/error-default.schema.json: their 406 rows have schema: none (the body is not checked), and checks: { content_type_conformance: off } where they document no application/json body: get_health",
            }));
            Assert.That(draft.Rows.Select(r => $"{r.Op} {r.Expect} {r.Schema ?? "-"} {r.AnyContentType}"), Is.EqualTo(new[]
            {
                "post_orders 201 - False", "post_orders 415 none True", "post_orders 422 - False", "get_health 200 - False", "get_health 406 none True",
            }));
        });
    }

    [Test]
    public async Task Build_Swagger2WithoutProduces_ObjectSchemasTakenAsJsonAndServerNoted()
    {
        var legacy = await DraftAsync("legacy", ImportFolder.Fixture("legacy.swagger.json"));

        Assert.Multiple(() =>
        {
            Assert.That(legacy.Operations.Single().Schema, Is.EqualTo("schemas/Thing.schema.json"));
            Assert.That(legacy.Errors, Is.EqualTo(new Dictionary<string, DraftError> { ["404"] = new("schemas/Err.schema.json", "application/json") }));
            Assert.That(legacy.Auth, Is.EqualTo(new DraftAuth("X-Key", null, "{token}", "ApiKey", "legacy-sample-token")));
            Assert.That(legacy.Notes, Is.EqualTo(new[] { "the document's first server is '/api': point the pack at it with legacy.baseUrl (or CONFORMANCE_LEGACY_BASEURL), an absolute URL" }));
        });
    }

    [Test]
    public async Task Build_OAuth2ClientCredentials_BearerAuthAndANoteNamingTheTokenSettings()
    {
        var billing = await DraftOfJsonAsync("billing", """
            {"openapi": "3.0.3", "info": {"title": "Billing", "version": "1"},
             "components": {"securitySchemes": {"oauth": {"type": "oauth2", "flows": {
                "authorizationCode": {"authorizationUrl": "https://login.example.test/authorize", "tokenUrl": "https://login.example.test/code-token", "scopes": {}},
                "clientCredentials": {"tokenUrl": "https://login.example.test/oauth/token", "scopes": {"read": "read"}}}}}},
             "security": [{"oauth": ["read"]}],
             "paths": {"/invoices": {"get": {"operationId": "list_invoices", "responses": {"200": {"description": "ok"}, "401": {"description": "no"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(billing.Auth, Is.EqualTo(new DraftAuth("Authorization", null, "Bearer {token}", "Bearer", "billing-sample-token")));
            Assert.That(billing.Notes, Does.Contain("security scheme 'oauth' is OAuth 2.0: on a configured target let the run fetch the token with billing.tokenUrl=https://login.example.test/oauth/token and billing.tokenGrant=client_credentials with its credentials (README \"Pointing it at staging\"), or set billing.token"));
        });
    }

    [Test]
    public async Task Build_ServerUrlWithCredentials_NotedWithoutThem()
    {
        // A document exported from a gateway may carry its own access in the server URL; the note goes to the console (CI logs).
        var gateway = await DraftOfJsonAsync("gateway", """
            {"openapi":"3.0.3","info":{"title":"Gateway","version":"1"},
             "servers":[{"url":"https://ci:pw-LEAK-1@api.example.com/v1?subscription-key=k-LEAK-2"}],
             "paths":{"/things":{"get":{"responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.That(gateway.Notes, Is.EqualTo(new[] { "the document's first server is 'https://***@api.example.com/v1?***': point the pack at it with gateway.baseUrl (or CONFORMANCE_GATEWAY_BASEURL), an absolute URL" }));
    }

    [Test]
    public void Build_DefaultResponse_ErrorContractForBothErrorClasses()
    {
        Assert.Multiple(() =>
        {
            Assert.That(draft.Errors["4xx"], Is.EqualTo(new DraftError("schemas/error-default.schema.json", "application/json")));
            Assert.That(draft.Errors["5xx"], Is.EqualTo(draft.Errors["4xx"]));
            Assert.That(draft.SchemaFiles["schemas/error-default.schema.json"]["required"]?.ToJsonString(), Is.EqualTo("""["message"]"""));
        });
    }

    [Test]
    public void Build_SelfReferencingComponent_OneFileWithAFileReference()
    {
        var problem = draft.SchemaFiles["schemas/Problem.schema.json"];

        Assert.Multiple(() =>
        {
            Assert.That(draft.Errors["422"], Is.EqualTo(new DraftError("schemas/Problem.schema.json", "application/problem+json")));
            Assert.That(problem["$schema"]?.GetValue<string>(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
            Assert.That(problem["properties"]?["items"]?["items"]?["$ref"]?.GetValue<string>(), Is.EqualTo("Problem.schema.json"));
        });
    }

    [TestCase("getNoteById", "get_note_by_id")]
    [TestCase("GET /v1/notes/{note_id}", "get_v1_notes_note_id")]
    [TestCase("list-Payments.v2", "list_payments_v2")]
    [TestCase("2fa", "op_2fa")]
    [TestCase("???", "operation")]
    public void SnakeCase_Text_PackOperationId(string text, string expected) =>
        Assert.That(Identifier.SnakeCase(text), Is.EqualTo(expected));

    /// <summary>The draft of the document at <paramref name="path"/>, which must read without errors.</summary>
    private static async Task<PackDraft> DraftAsync(string name, string path)
    {
        var (document, errors, _) = await OpenApiSource.LoadAsync(path, Path.GetFileName(path));
        Assert.That(errors, Is.Empty);
        return DraftBuilder.Build(document!, name, Path.GetFileName(path));
    }

    /// <summary>The draft of a document given as JSON text (written to <c>{name}.json</c> in a temporary folder).</summary>
    internal static async Task<PackDraft> DraftOfJsonAsync(string name, string json)
    {
        using var folder = new ImportFolder();
        var file = Path.Combine(folder.Path, name + ".json");
        await File.WriteAllTextAsync(file, json);
        return await DraftAsync(name, file);
    }
}
