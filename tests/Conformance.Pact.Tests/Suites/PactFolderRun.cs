using System.Text.Json.Nodes;
using Conformance.Engine;

namespace Conformance.Pact.Tests.Suites;

/// <summary>Pact files written into <c>{folder}/pacts</c> and one run of the suites app over them (CONFORMANCE_PACT_FOLDER).</summary>
internal static class PactFolderRun
{
    /// <summary>A v3 pact from consumer notes-web to provider notes (a pack name) with these interactions.</summary>
    public static string NotesPact(params JsonNode[] interactions) => new JsonObject
    {
        ["consumer"] = new JsonObject { ["name"] = "notes-web" },
        ["provider"] = new JsonObject { ["name"] = "notes" },
        ["interactions"] = new JsonArray(interactions),
        ["metadata"] = new JsonObject { ["pactSpecification"] = new JsonObject { ["version"] = "3.0.0" } },
    }.ToJsonString();

    /// <summary>The notes pact of one interaction, "a note": GET /v1/notes/11001 answered 200 (no headers).</summary>
    public static string ANotePact() => NotesPact(new JsonObject
    {
        ["description"] = "a note",
        ["request"] = new JsonObject { ["method"] = "GET", ["path"] = "/v1/notes/11001" },
        ["response"] = new JsonObject { ["status"] = 200 },
    });

    /// <summary>A GET interaction sent with this Authorization header (none when null) and expecting this status.</summary>
    public static JsonObject Read(string description, string? authorization, int status, string path = "/notes/n1") => new()
    {
        ["description"] = description,
        ["request"] = new JsonObject
        {
            ["method"] = "GET",
            ["path"] = path,
            ["headers"] = authorization is null ? new JsonObject() : new JsonObject { ["Authorization"] = authorization },
        },
        ["response"] = new JsonObject { ["status"] = status },
    };

    /// <summary>
    /// The shipped notes pack copied to <c>{folder}/contracts/notes</c> with one more table, <c>tables/{table}</c>,
    /// holding <paramref name="rows"/>; returns <c>{folder}/contracts</c>, for CONFORMANCE_CONFORMANCE_CONTRACTS.
    /// </summary>
    public static string NotesPackWithRows(TempFolder folder, string table, string rows)
    {
        var shipped = Path.Combine(RepoPaths.Root(), "contracts", "notes");
        var contracts = Path.Combine(folder.Path, "contracts");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(contracts, "notes", Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        File.WriteAllText(Path.Combine(contracts, "notes", "tables", table), rows);
        return contracts;
    }

    /// <summary>Writes <paramref name="files"/> (name, content) and runs the app with <paramref name="filter"/>; results under <c>{folder}/{results}</c>.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<TrxCase> Cases, string Output)> RunAsync(
        TempFolder folder, string filter, IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string>? environment = null, string results = "results")
    {
        var pacts = Directory.CreateDirectory(Path.Combine(folder.Path, "pacts")).FullName;
        foreach (var (name, content) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(pacts, name), content);
        }

        var all = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["CONFORMANCE_PACT_FOLDER"] = pacts };
        return await SuitesApp.RunAsync(filter, Path.Combine(folder.Path, results), all);
    }
}
