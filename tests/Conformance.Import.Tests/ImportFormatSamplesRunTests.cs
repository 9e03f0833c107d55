using System.Text.Json.Nodes;
using static Conformance.Import.Tests.ImportSamplesRunTests;

namespace Conformance.Import.Tests;

/// <summary>Every format the pack's validator asserts gets a sample of that format, not "sample" and a note.</summary>
public sealed class ImportFormatSamplesRunTests
{
    [Test]
    public async Task Import_StringsOfEachAssertedFormat_DraftedAsValuesOfTheFormatWithoutNotes()
    {
        // Since the final check, a format without a sample of its own (ipv6, hostname...) drafted "sample" and a note.
        string[] formats = ["date-time", "date", "time", "email", "idn-email", "uri", "uri-reference", "iri", "iri-reference", "uri-template", "uuid", "ipv4", "ipv6", "hostname", "idn-hostname", "json-pointer", "relative-json-pointer", "regex", "duration"];
        var properties = new JsonObject();
        foreach (var format in formats)
        {
            properties[format] = new JsonObject { ["type"] = "string", ["format"] = format };
        }

        var schema = new JsonObject { ["type"] = "object", ["required"] = new JsonArray([.. formats.Select(f => JsonValue.Create(f))]), ["properties"] = properties };
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "formats", schema.ToJsonString());

        var body = loaded.Pack!.Operations["create_thing"].Body!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(output, Does.Not.Contain("note:"));
            Assert.That(body["ipv6"]!.GetValue<string>(), Is.EqualTo("2001:db8::1"));
            Assert.That(body["duration"]!.GetValue<string>(), Is.EqualTo("P1D"));
            Assert.That(body.Select(p => p.Value!.GetValue<string>()), Has.None.EqualTo("sample"));
        });
    }
}
