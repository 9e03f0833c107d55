using System.Text.Json.Nodes;

namespace Conformance.Pact.Tests.Export;

/// <summary>
/// A row whose operation has a setup, as written to the pact file by libpact_ffi: the setup's provider state with the
/// captured variable, its example value and its empty path variant, and a ProviderState generator on the path beside the
/// consumer's regex.
/// </summary>
public sealed class SetupStateExportTests
{
    private static JsonObject Interaction(string description) =>
        JsonNode.Parse(File.ReadAllText(ExportedPacks.File("notes")))!["interactions"]!.AsArray()
            .Single(i => (string?)i!["description"] == description)!.AsObject();

    [Test]
    public void Write_RowWithSetup_CarriesSetupStateParamsAndPathGenerator()
    {
        var interaction = Interaction("notes / delete_note / valid -> 200");
        var request = interaction["request"]!;

        Assert.Multiple(() =>
        {
            Assert.That(interaction["providerStates"]!.ToJsonString(), Is.EqualTo("""[{"name":"valid"},{"name":"setup create_note (captures deletable_note_id; cleanup delete_note)","params":{"deletable_note_id":11301,"deletable_note_id.path":""}}]"""));
            Assert.That(request["path"]!.GetValue<string>(), Is.EqualTo("/v1/notes/11301"));
            Assert.That(request["generators"]!.ToJsonString(), Is.EqualTo("""{"path":{"expression":"/v1/notes/${deletable_note_id.path}${deletable_note_id}","type":"ProviderState"}}"""));
            Assert.That(request["matchingRules"]!["path"]!["matchers"]![0]!["regex"]!.GetValue<string>(), Is.EqualTo("^/v1/notes/[0-9]+$"));
        });
    }

    [Test]
    public void Write_RowWithoutSetup_ScenarioStateOnlyNoGenerator()
    {
        var read = Interaction("notes / get_note / valid -> 200");
        var unknown = Interaction("notes / delete_note / unknown_id(param=note_id) -> 404");

        Assert.Multiple(() =>
        {
            Assert.That(read["providerStates"]!.ToJsonString(), Is.EqualTo("""[{"name":"valid"}]"""));
            Assert.That(read["request"]!["generators"], Is.Null);
            Assert.That(read["request"]!["matchingRules"], Is.Null);
            Assert.That(unknown["providerStates"]!.ToJsonString(), Is.EqualTo("""[{"name":"unknown_id(param=note_id)"}]"""), "setup: false");
            Assert.That(unknown["request"]!["generators"], Is.Null);
        });
    }
}
