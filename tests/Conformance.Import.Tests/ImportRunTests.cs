using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Probing;
using Conformance.ReferenceApi;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Import.Tests;

/// <summary>
/// The notes API described in OpenAPI (Fixtures/notes.openapi.yaml), imported, then every drafted row run against the
/// embedded reference API, which honors the notes pack: the draft is a working pack. A variant whose error schema
/// promises a field the API never sends shows the drafted contracts catch a non-conformant body.
/// </summary>
public sealed class ImportRunTests
{
    [Test]
    public async Task Import_NotesDocument_EveryDraftedRowPassesAgainstTheReferenceApi()
    {
        using var folder = new ImportFolder();
        var pack = Path.Combine(folder.Path, "notesdoc");

        var (code, output, errors) = await ImportFolder.RunAsync(ImportFolder.Fixture("notes.openapi.yaml"), "--name", "notesdoc", "--out", pack);
        var results = await RunAgainstReferenceAsync(pack);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(output, Does.StartWith($"Drafted pack 'notesdoc' in {pack}: 4 operation(s), 11 row(s), 4 schema file(s), 6 file(s) written."));
            Assert.That(results, Has.Count.EqualTo(11));
            Assert.That(results.Where(r => r.Verdict != Verdict.Passed).Select(r => $"{r.CaseName}: {r.Verdict} {r.Message}"), Is.Empty);
        });
    }

    [Test]
    public async Task Import_OutsideContracts_LastLineSaysWhereToPutItAndWhichBaseUrlToSet()
    {
        using var folder = new ImportFolder();
        var pack = Path.Combine(folder.Path, "notesdoc");

        var (code, output, _) = await ImportFolder.RunAsync(ImportFolder.Fixture("notes.openapi.yaml"), "--name", "notesdoc", "--out", pack);

        Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo(
            "The pack loads cleanly: 11 case(s). Review the samples and rows, move the folder to contracts/notesdoc/ (the suites read packs there), then run it against the API (the embedded reference API hosts only the shipped packs): CONFORMANCE_NOTESDOC_BASEURL=<its base URL> dotnet test suites --filter Category=notesdoc"),
            $"exit code {code}");
    }

    [Test]
    public async Task Import_ErrorSchemaPromisingAFieldNeverSent_ErrorRowsFail()
    {
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "strict.openapi.yaml");
        var text = await File.ReadAllTextAsync(ImportFolder.Fixture("notes.openapi.yaml"));
        await File.WriteAllTextAsync(document, text.Replace("    Error:\n      type: object\n", "    Error:\n      type: object\n      required: [trace_id]\n", StringComparison.Ordinal));
        var pack = Path.Combine(folder.Path, "strict");

        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "strict", "--out", pack);
        var results = await RunAgainstReferenceAsync(pack);

        var failed = results.Where(r => r.Verdict == Verdict.Failed).Select(r => r.CaseName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(failed, Does.Contain("strict / get_note / unknown_id(param=note_id, value=99999999) -> 404").And.Contain("strict / create_note / no_auth -> 401"));
            Assert.That(results.Where(r => r.Row!.Expected[0] < 400).Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed));
        });
    }

    [Test]
    public async Task Import_ApiKeyInACookie_PackSendsItAsThatCookie()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "jar", """
            {"openapi":"3.0.3","info":{"title":"Jar","version":"1"},
             "components":{"securitySchemes":{"session":{"type":"apiKey","in":"cookie","name":"sid"}}},
             "security":[{"session":[]}],
             "paths":{"/me":{"get":{"operationId":"getMe","responses":{"200":{"description":"ok"},"401":{"description":"no session"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("auth:\n  cookie: \"sid\"\n  format: \"{token}\"\n  sample: \"jar-sample-token\"\n"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(loaded.Pack!.Auth!.Render("t"), Is.EqualTo("sid=t"));
            Assert.That(loaded.Rows.Select(r => r.ScenarioId), Is.EquivalentTo(new[] { "valid", "no_auth", "bad_auth" }));
        });
    }

    [Test]
    public async Task Import_OperationTags_BecomeFilterTagsOfItsRows()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "tagged", """
            {"openapi":"3.0.3","info":{"title":"Tagged","version":"1"},
             "paths":{"/pets":{"get":{"operationId":"listPets","tags":["Pet Store","billing","Заказы"],"responses":{"200":{"description":"ok"}}}},
                      "/health":{"get":{"operationId":"health","responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    tags: [\"pet_store\",\"billing\"]\n"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(loaded.Rows.Single(r => r.OperationId == "list_pets").Tags, Is.EqualTo(new[] { "pet_store", "billing" }));
            Assert.That(loaded.Rows.Single(r => r.OperationId == "health").Tags, Is.Empty);
            Assert.That(output, Does.Contain("note: tag 'Заказы' of list_pets has no ASCII letter or digit, so it cannot be a filter category: not drafted (add a tag of your own)"));
        });
    }

    [Test]
    public async Task Import_DeleteWhoseCollectionHasACreate_DraftsASetupSoEachCaseDeletesWhatItMade()
    {
        using var folder = new ImportFolder();
        var pack = Path.Combine(folder.Path, "notesdoc");

        var (code, output, errors) = await ImportFolder.RunAsync(ImportFolder.Fixture("notes.openapi.yaml"), "--name", "notesdoc", "--out", pack);
        var results = await RunAgainstReferenceAsync(pack);

        var deleted = results.Single(r => r.CaseName == "notesdoc / delete_note / valid -> 200");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(File.ReadAllText(Path.Combine(pack, "api.yaml")), Does.Contain("    setup: { op: create_note, capture: { delete_note_note_id: /id }, cleanup: delete_note }\n"));
            Assert.That(File.ReadAllText(Path.Combine(pack, "tables", "status.yaml")), Does.Contain("  - { op: delete_note, scenario: unknown_id, with: {\"param\":\"note_id\",\"value\":\"99999999\"}, setup: false, expect: 404 }\n"));
            Assert.That(deleted.Verdict, Is.EqualTo(Verdict.Passed), deleted.Message);
            Assert.That(deleted.Exchange!.Earlier.Select(s => s.Label), Is.EqualTo(new[] { "Setup (create_note)" }));
            Assert.That(deleted.Exchange.Request.Path, Is.Not.EqualTo("/v1/notes/11301"), "the note the setup made, not the document's sample");
        });
    }

    [Test]
    public async Task Import_PathParameters_DraftedAsVariablesATargetCanSet()
    {
        using var folder = new ImportFolder();
        var pack = Path.Combine(folder.Path, "notesdoc");

        var (code, output, errors) = await ImportFolder.RunAsync(ImportFolder.Fixture("notes.openapi.yaml"), "--name", "notesdoc", "--out", pack);
        var results = await RunAgainstReferenceAsync(pack, ("notesdoc.var.get_note_note_id", "77777"));

        var apiYaml = File.ReadAllText(Path.Combine(pack, "api.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("vars:\n  get_note_note_id: \"11001\"\n  delete_note_note_id: \"11301\"\n  report_id: \"1234\"\n"), "note_id has two samples: a variable per operation");
            Assert.That(apiYaml, Does.Contain("    params: {\"note_id\":\"${get_note_note_id}\"}"));
            Assert.That(results.Single(r => r.CaseName == "notesdoc / get_note / valid -> 200").Exchange!.Request.Path, Is.EqualTo("/v1/notes/77777"));
            Assert.That(results.Where(r => r.Verdict != Verdict.Passed).Select(r => r.CaseName), Is.EqualTo(new[] { "notesdoc / get_note / valid -> 200" }), "the reference API has no note 77777");
        });
    }

    [Test]
    public async Task Import_TemplateSampleAndOptionalSecurity_LiteralTextAndNoAuthRows()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "tpl", """
            {"openapi":"3.0.3","info":{"title":"Templates","version":"1"},
             "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}}},
             "paths":{"/messages":{"post":{"operationId":"sendMessage","security":[{},{"bearer":[]}],
               "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["text"],"properties":{"text":{"type":"string","example":"Hello ${name}"}}}}}},
               "responses":{"201":{"description":"sent"},"401":{"description":"bad credential"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("Hello $${name}"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(loaded.Rows.Select(r => r.ScenarioId), Has.None.EqualTo("no_auth").And.None.EqualTo("bad_auth"), "a credential is optional here: no 401 to provoke");
            Assert.That(VarBinding.Bind(loaded.Pack!, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>()).Operations["send_message"].Body!.ToJsonString(), Does.Contain("Hello ${name}"));
        });
    }

    [Test]
    public async Task Import_ParametersDeclaredOutOfOrderAndSameSnakeName_PathOrderAndOwnVariables()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "pets", """
            {"openapi":"3.0.3","info":{"title":"Pets","version":"1"},
             "paths":{
               "/users/{userId}/posts/{postId}":{"get":{"operationId":"getPost","parameters":[
                  {"name":"postId","in":"path","required":true,"schema":{"type":"string"},"example":"p-1"},
                  {"name":"userId","in":"path","required":true,"schema":{"type":"string"},"example":"u-1"}],
                  "responses":{"200":{"description":"ok"},"404":{"description":"no such post"}}}},
               "/pets/{petId}":{"get":{"operationId":"getPet","parameters":[{"name":"petId","in":"path","required":true,"schema":{"type":"string"},"example":"cat"}],
                  "responses":{"200":{"description":"ok"}}}},
               "/owners/{pet_id}":{"get":{"operationId":"getOwner","parameters":[{"name":"pet_id","in":"path","required":true,"schema":{"type":"string"},"example":"owner-7"}],
                  "responses":{"200":{"description":"ok"}}}}}}
            """);

        var bound = VarBinding.Bind(loaded.Pack!, loaded.Pack!.Vars);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(loaded.Rows.Single(r => r.ScenarioId == "unknown_id").With["param"]!.GetValue<string>(), Is.EqualTo("postId"), "the last parameter of the path");
            Assert.That(Conformance.Probing.Baseline.ExpandPath(bound.Operations["get_owner"].Path, bound.Operations["get_owner"].Params), Is.EqualTo("/owners/owner-7"));
            Assert.That(Conformance.Probing.Baseline.ExpandPath(bound.Operations["get_pet"].Path, bound.Operations["get_pet"].Params), Is.EqualTo("/pets/cat"));
        });
    }

    [Test]
    public async Task Import_ReadOnlyAndWriteOnlyProperties_LeftOutWhereTheyNeverAppear()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "users", """
            {"openapi":"3.0.3","info":{"title":"Users","version":"1"},
             "components":{"schemas":{"User":{"type":"object","required":["id","name","password"],"properties":{
                "id":{"type":"integer","readOnly":true},"name":{"type":"string"},"password":{"type":"string","writeOnly":true}}}}},
             "paths":{"/users":{"post":{"operationId":"createUser",
               "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/User"}}}},
               "responses":{"201":{"description":"created","content":{"application/json":{"schema":{"$ref":"#/components/schemas/User"}}}},"422":{"description":"invalid"}}}}}}
            """);

        var user = loaded.Schemas.Find(loaded.Pack!.Operations["create_user"].Schema!)!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack.Operations["create_user"].Body!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "name", "password" }));
            Assert.That(loaded.Rows.Where(r => r.ScenarioId == "missing_field").Select(r => r.With["field"]!.GetValue<string>()), Has.None.EqualTo("/id"));
            Assert.That(user.Validate(System.Text.Json.JsonDocument.Parse("""{"id":7,"name":"ann"}""").RootElement).IsValid, Is.True, "a response never carries the password");
        });
    }

    [Test]
    public async Task Import_NestedReferencesTheDocumentDoesNotHold_NoContractAndTheDraftLoads()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "orders", """
            {"openapi":"3.0.3","info":{"title":"Orders","version":"1"},
             "components":{"schemas":{"Order":{"type":"object","required":["status"],"properties":{"status":{"type":"string","enum":["open","shipped"]}}}}},
             "paths":{
               "/orders/{id}/status":{"get":{"operationId":"getStatus","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"},"example":"o-1"}],
                  "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object","properties":{"status":{"$ref":"#/components/schemas/Order/properties/status"}}}}}}}}},
               "/orders/{id}":{"get":{"operationId":"getOrder","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"},"example":"o-1"}],
                  "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object","properties":{"customer":{"$ref":"#/components/schemas/Missing"}}}}}}}}}}}
            """);

        // Microsoft.OpenApi reads a reference into a component's inside (#/components/schemas/Order/properties/status) as
        // #/components/schemas/status: neither is held as a whole component, so both responses go without a contract.
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.SelectMany(i => i.Diagnostics).Select(d => d.ToString()), Is.Empty, "the draft loads (CT0203 before)");
            Assert.That(loaded.Pack!.Operations.Values.Select(o => o.Schema), Is.All.Null);
            Assert.That(output, Does.Contain("note: the response schema of get_order 200 refers, inside it, to a schema this document does not hold as a whole component: no body contract drafted for it"));
            Assert.That(Directory.Exists(Path.Combine(folder.Path, "orders", "schemas")) ? Directory.GetFiles(Path.Combine(folder.Path, "orders", "schemas")) : [], Is.Empty);
        });
    }

    /// <summary>Imports an OpenAPI document given inline as pack <paramref name="name"/> and loads the draft.</summary>
    internal static async Task<(int Code, string Output, string Errors, string ApiYaml, LoadedPack Loaded)> ImportInlineAsync(ImportFolder folder, string name, string json)
    {
        var document = Path.Combine(folder.Path, name + ".json");
        await File.WriteAllTextAsync(document, json);
        var pack = Path.Combine(folder.Path, name);
        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", name, "--out", pack);
        var apiYaml = File.Exists(Path.Combine(pack, "api.yaml")) ? await File.ReadAllTextAsync(Path.Combine(pack, "api.yaml")) : string.Empty;
        return (code, output, errors, apiYaml, PackLoader.Load(pack, folder.Path));
    }

    internal static async Task<List<CaseResult>> RunAgainstReferenceAsync(string pack, params (string Key, string Value)[] settings)
    {
        await using var reference = await ReferenceServer.StartAsync();
        var loaded = PackLoader.Load(pack, Path.GetDirectoryName(pack)!);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{loaded.Name}.baseUrl"] = reference.BaseUriFor("notes")!.ToString(),
            [$"{loaded.Name}.token"] = "notes-reference-token",
            [$"{loaded.Name}.allowMutation"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        using var run = new ConformanceRun(new ContractSet([loaded]), new SettingsSource(values.GetValueOrDefault, _ => null), null);
        var results = new List<CaseResult>();
        foreach (var row in loaded.Rows)
        {
            results.Add(await run.Runner.RunAsync(row, CancellationToken.None));
        }

        return results;
    }
}
