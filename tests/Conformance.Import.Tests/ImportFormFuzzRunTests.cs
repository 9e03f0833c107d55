using System.Text.Json.Nodes;
using Conformance.Contracts;
using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// A fuzzer of form request bodies (<see cref="FormFuzzDocuments"/>): each document is imported and every drafted form
/// body is judged as the API would read it (<see cref="FormFuzzJudge"/>); a multipart-only body must be noted, not sent.
/// The seeds are fixed, so a run is the same on any machine; a finding names its seed, operation and what was read.
/// </summary>
public sealed class ImportFormFuzzRunTests
{
    /// <summary>How many documents (seeds 1 to this): 200, about 10 s; FORM_FUZZ_DOCUMENTS=1500 runs more by hand.</summary>
    private static readonly int Documents = int.Parse(Environment.GetEnvironmentVariable("FORM_FUZZ_DOCUMENTS") ?? "200", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Import_RandomFormBodiesWithEncodings_EachDraftedFormReadsAsValidOrIsNoted()
    {
        var findings = new List<string>();
        for (var seed = 1; seed <= Documents; seed++)
        {
            findings.AddRange((await FindingsAsync(seed)).Select(f => $"seed {seed}: {f}"));
        }

        Assert.That(findings, Is.Empty, string.Join("\n", findings));
    }

    /// <summary>What is wrong with the draft of document <paramref name="seed"/>.</summary>
    internal static async Task<List<string>> FindingsAsync(int seed)
    {
        var document = new FormFuzzDocuments(seed).Document();
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "fuzz", document.ToJsonString());
        var notes = output.Split('\n').Where(l => l.StartsWith("note: ", StringComparison.Ordinal)).ToList();
        var findings = loaded.Invalid.SelectMany(i => i.Diagnostics).Select(d => d.ToString()).ToList();
        if (code != 0 || loaded.Pack is null)
        {
            return [$"exit {code}: {errors}{string.Join(" | ", findings)}"];
        }

        foreach (var (_, item) in document["paths"]!.AsObject())
        {
            var operation = item!["post"]!;
            var id = operation["operationId"]!.GetValue<string>();
            var content = operation["requestBody"]!["content"]!.AsObject();
            var drafted = loaded.Pack.Operations[id];
            if (content[FormFuzzDocuments.Form] is JsonObject form)
            {
                findings.AddRange(drafted.BodyType == BodyType.Form ? FormFuzzJudge.Findings(id, FormFuzzDocuments.Resolve(document, form["schema"]!.AsObject()), form["encoding"] as JsonObject, drafted.Body, notes) : [$"{id}: not drafted as a form"]);
            }
            else if (drafted.Body is not null || !notes.Exists(n => n.Contains($"the request body of {id} is documented only as {FormFuzzDocuments.Multipart}", StringComparison.Ordinal)))
            {
                findings.Add($"{id}: a multipart-only body was drafted ({drafted.Body?.ToJsonString()}) or not noted");
            }
        }

        return findings;
    }
}
