using System.Text.Json.Nodes;
using Conformance.Pact.Export;

namespace Conformance.Pact.Tests.Export;

public sealed class PactExporterTests
{
    [Test]
    public void Export_NotesPack_NamesConsumerProviderAndOmitsNothing()
    {
        var export = ExportedPacks.Export("notes");

        Assert.Multiple(() =>
        {
            Assert.That(export.Pact.Consumer, Is.EqualTo("conformance-notes"));
            Assert.That(export.Pact.Provider, Is.EqualTo("notes"));
            Assert.That(export.Pact.Interactions, Has.Count.EqualTo(ExportedPacks.Contracts.Find("notes")!.Rows.Count));
            Assert.That(export.Omitted, Is.Empty);
        });
    }

    [Test]
    public void Export_RowMarkedKnown_ExportedWithANoteNamingTheIssue()
    {
        var loaded = ExportedPacks.Contracts.Find("notes")!;
        var row = loaded.Rows[0];
        var marked = loaded with { Rows = [row with { Known = "NOTES-41: wrong status" }, .. loaded.Rows.Skip(1)] };

        var export = PactExporter.Export(marked);

        Assert.Multiple(() =>
        {
            Assert.That(export.Pact.Interactions, Has.Count.EqualTo(loaded.Rows.Count));
            Assert.That(export.Notes, Has.Member(new ExportNote(row.CaseName, "known issue (NOTES-41: wrong status): the table tracks this row's failure, so the provider is expected to fail this interaction until it is fixed")));
            Assert.That(ExportedPacks.Export("notes").Notes.Select(n => n.Reason), Has.None.StartsWith("known issue"));
        });
    }

    [Test]
    public void Export_RowAcceptingSeveralStatuses_NoBodyAndANoteSayingWhy()
    {
        var loaded = ExportedPacks.Contracts.Find("notes")!;
        var row = loaded.Rows.Single(r => r.OperationId == "get_note" && r.ScenarioId == "valid");
        var either = loaded with { Rows = [row with { Expected = [200, 404] }] };

        var export = PactExporter.Export(either);

        Assert.Multiple(() =>
        {
            Assert.That(export.Pact.Interactions.Single().Response.JsonBody, Is.Null);
            Assert.That(export.Notes.Select(n => n.Reason), Has.Member("body left out: the row accepts 200|404, and a pact checks every answer against one body (schemas/note.schema.json is for 200)"));
        });
    }

    [Test]
    public void Export_RowAcceptingSeveralStatusesOfOneBodyContract_BodyKept()
    {
        var export = ExportedPacks.Export("ranges");
        var interaction = export.Pact.Interactions.Single(i => i.Description == "ranges / create_project / valid -> 200|201");

        Assert.Multiple(() =>
        {
            Assert.That(interaction.Response.JsonBody, Does.StartWith("{\"id\":"));
            Assert.That(export.Notes.Where(n => n.CaseName == interaction.Description).Select(n => n.Reason), Has.None.StartsWith("body left out"));
        });
    }

    [Test]
    public void Export_ErrorRowWhoseBodyIsOptional_NoBodyAndANoteSayingWhy()
    {
        var export = ExportedPacks.Export("notes");
        var interaction = export.Pact.Interactions.Single(i => i.Description == "notes / get_note / unknown_id(param=note_id, value=99999999) -> 404");

        Assert.Multiple(() =>
        {
            Assert.That(interaction.Response.JsonBody, Is.Null);
            Assert.That(export.Notes, Has.Member(new ExportNote(interaction.Description, "body left out: errors.4xx says body: optional, so an answer without one is conformant, and a pact body would require one")));
        });
    }

    [Test]
    public void Export_RowWithSetup_PathMatchesAnyCreatedIdAndTheDefaultIsTheExample()
    {
        var interactions = ExportedPacks.Export("notes").Pact.Interactions.ToDictionary(i => i.Description);

        var deleted = interactions["notes / delete_note / valid -> 200"].Request;
        var unknown = interactions["notes / delete_note / unknown_id(param=note_id) -> 404"].Request;
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Path, Is.EqualTo("/v1/notes/11301"));
            Assert.That(deleted.PathPattern, Is.EqualTo("^/v1/notes/[0-9]+$"));
            Assert.That(deleted.PathExpression, Is.EqualTo("/v1/notes/${deletable_note_id.path}${deletable_note_id}"));
            Assert.That(unknown.PathPattern, Is.Null, "setup: false, and its scenario sets the path");
            Assert.That(ExportedPacks.Export("notes").Notes.Where(n => n.Reason.StartsWith("setup:", StringComparison.Ordinal)).Select(n => n.Reason), Is.EqualTo(new[]
            {
                "setup: each case first sends create_note and uses the id it answers, so the path matches ^/v1/notes/[0-9]+$; a verifier sends /v1/notes/${deletable_note_id.path}${deletable_note_id} with the values its provider state 'setup create_note (captures deletable_note_id; cleanup delete_note)' returns (a variable as answered, or its .path variant, escaped, with the variable empty), and the default, /v1/notes/11301, without them",
            }));
        });
    }

    /// <summary>
    /// A string id's segment is its schema's pattern, an integer's digits (whatever the variable's default), so the
    /// unknown_id row's "does-not-exist-0" is not taken by the valid row's interaction on the mock server.
    /// </summary>
    [TestCase("callrail", "delete_company", "204", "^/v3/a/ACC8154748ae6bd4e278a7cddd38a662f4f/companies/(?:COM[0-9a-f]{32})\\.json$")]
    [TestCase("ranges", "delete_project", "200|204", "^/v1/projects/(?:prj_[0-9]+)$")]
    [TestCase("ringcentral", "delete_contact", "204", "^/restapi/v1\\.0/account/~/extension/~/address-book/contact/[0-9]+$")]
    public void Export_SetupCapturesAFieldItsSchemaShapes_PathSegmentHasThatShape(string api, string op, string statuses, string expected)
    {
        var deleted = ExportedPacks.Export(api).Pact.Interactions.Single(i => i.Description == $"{api} / {op} / valid -> {statuses}").Request;

        Assert.Multiple(() =>
        {
            Assert.That(deleted.PathPattern, Is.EqualTo(expected));
            Assert.That(System.Text.RegularExpressions.Regex.IsMatch(deleted.Path, deleted.PathPattern!), Is.True, "the default path is its example");
            Assert.That(System.Text.RegularExpressions.Regex.IsMatch(deleted.Path.Replace(deleted.Path.Split('/')[^1].Split('.')[0], "does-not-exist-0", StringComparison.Ordinal), deleted.PathPattern!), Is.False);
        });
    }

    [Test]
    public void Export_SetupSchemaSaysNothingOfTheField_AnySegmentForAStringDefault()
    {
        var loaded = ExportedPacks.Contracts.Find("ranges")!;
        var pack = loaded.Pack! with { Operations = new Dictionary<string, Conformance.Contracts.Operation>(loaded.Pack.Operations) { ["create_project"] = loaded.Pack.Operations["create_project"] with { Schema = null } } };

        var export = PactExporter.Export(loaded with { Pack = pack });

        Assert.That(export.Pact.Interactions.Single(i => i.Description == "ranges / delete_project / valid -> 200|204").Request.PathPattern, Is.EqualTo("^/v1/projects/[^/]+$"));
    }

    [Test]
    public void Export_CreateRow_CarriesStateSampleTokenAndSchemaBodyNoLocation()
    {
        var interaction = ExportedPacks.Export("notes").Pact.Interactions
            .Single(i => i.Description == "notes / create_note / valid -> 201");

        Assert.Multiple(() =>
        {
            Assert.That(interaction.ProviderState, Is.EqualTo("valid"));
            Assert.That(interaction.Request.Method, Is.EqualTo("POST"));
            Assert.That(interaction.Request.Path, Is.EqualTo("/v1/notes"));
            Assert.That(interaction.Request.Headers["Authorization"], Is.EqualTo("Bearer notes-reference-token"));
            Assert.That(interaction.Request.JsonBody, Is.EqualTo("""{"customer_id":1001,"body":"This is a test note."}"""));
            Assert.That(interaction.Response.Status, Is.EqualTo(201));
            Assert.That(interaction.Response.JsonBody, Is.EqualTo("""{"ok":true,"id":1}"""));
            Assert.That(interaction.Response.Matchers, Is.EqualTo(new[] { BodyMatcher.IntegerNumber("$.id") }));
            Assert.That(interaction.Response.Headers.ContainsKey("Location"), Is.False, "the page's 201 example has no Location (seed 001:17-24)");
        });
    }

    [Test]
    public void Export_RowHeaderPattern_ExportedAsRegexMatcher()
    {
        var interaction = ExportedPacks.Export("callrail").Pact.Interactions.Single(i => i.Description == "callrail / list_calls / no_auth -> 401");

        Assert.That(interaction.Response.Headers["WWW-Authenticate"], Is.EqualTo("""{"value":"Token","pact:matcher:type":"regex","regex":"^Token[\\s\\S]*"}"""));
    }

    [Test]
    public void Export_MultiStepScenarios_AreOmittedWithReason()
    {
        var omitted = ExportedPacks.Export("ringcentral").Omitted;

        Assert.That(omitted.Select(o => o.Reason).Distinct(), Is.EquivalentTo(new[]
        {
            "scenario 'conditional_get' sends several requests; a pact interaction holds one",
            "scenario 'rate_limit' sends several requests; a pact interaction holds one",
            "scenario 'follow_redirect' sends several requests; a pact interaction holds one",
        }));
    }

    [Test]
    public void Export_TokenConfiguredForTarget_WritesOnlySampleToken()
    {
        using var folder = new TempFolder();
        Environment.SetEnvironmentVariable("CONFORMANCE_NOTES_TOKEN", "s3cret-staging-token");
        try
        {
            var file = PactWriter.Write(PactExporter.Export(ExportedPacks.Contracts.Find("notes")!).Pact, folder.Path);

            Assert.That(File.ReadAllText(file), Does.Contain("Bearer notes-reference-token").And.Not.Contain("s3cret"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CONFORMANCE_NOTES_TOKEN", null);
        }
    }

    [TestCase("^GET, PUT$", "GET, PUT")]
    [TestCase("/v1/notes/[0-9]+$", "/v1/notes/0")]
    [TestCase("/companies/COM[0-9a-f]{32}\\.json$", "/companies/COM00000000000000000000000000000000.json")]
    [TestCase("^multipart/mixed; *boundary=", "multipart/mixed;boundary=")]
    [TestCase("^(?:a|b)c?d+$", "ad")]
    public void RegexExample_SimplePattern_MatchingExample(string pattern, string expected) =>
        Assert.That(RegexExample.For(pattern), Is.EqualTo(expected));

    [TestCase("^(?=x)y$")]
    [TestCase("[^a]")]
    public void RegexExample_RichPattern_Null(string pattern) =>
        Assert.That(RegexExample.For(pattern), Is.Null);

    [TestCase("^Bearer", @"^Bearer[\s\S]*")]
    [TestCase("/v1/notes/[0-9]+$", @"[\s\S]*/v1/notes/[0-9]+$")]
    [TestCase("a|b", @"[\s\S]*(?:a|b)[\s\S]*")]
    [TestCase(@"^\d{3}\.\w$", @"^\d{3}\.\w$")]
    public void FullMatch_TablePattern_NetSyntaxKept(string pattern, string expected) =>
        Assert.That(FullMatch.Of(pattern), Is.EqualTo(expected));

    [TestCase(@"^\d{3}\.\w$", @"^[0-9]{3}\.[0-9A-Za-z_]$")]
    [TestCase(@"^[\d\W.]-.$", @"^[0-9[^0-9A-Za-z_].]-[^\n\r\u2028\u2029]$")]
    [TestCase(@"^[^\]\d]\bx\B$", @"^[^\]0-9](?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))x(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))$")]
    public void FullMatch_SchemaPattern_PortableWholeValuePattern(string pattern, string expected) =>
        Assert.That(FullMatch.Of(pattern, ecma: true), Is.EqualTo(expected));

    [Test]
    public void SchemaExample_RequiredRefsEnumsAndMinimums_MinimalBody()
    {
        var schema = SchemaInliner.Inline(JsonNode.Parse("""
            {"type":"object","required":["id","code","tags","at"],"properties":{
              "id":{"$ref":"#/$defs/id"},"code":{"enum":["NOT_FOUND","GONE"]},"note":{"type":"string"},
              "tags":{"type":"array","minItems":1,"items":{"type":"string","minLength":6}},"at":{"type":"string","format":"date-time"}},
             "$defs":{"id":{"type":"integer","minimum":1}}}
            """)!);

        Assert.That(SchemaExample.Create(schema)!.ToJsonString(), Is.EqualTo("""{"id":1,"code":"NOT_FOUND","tags":["textxx"],"at":"2024-01-01T00:00:00Z"}"""));
    }

    [Test]
    public void SchemaExample_AnyOf_ThrowsSayingWhere() =>
        Assert.That(
            () => SchemaExample.Create(JsonNode.Parse("""{"type":"object","required":["e"],"properties":{"e":{"anyOf":[{"type":"string"},{"type":"array"}]}}}""")),
            Throws.TypeOf<NotSupportedException>().With.Message.EqualTo("$.e: anyOf has no single minimal example"));
}
