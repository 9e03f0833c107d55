using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Schema;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>
/// The shipped packs say what their seed pages (../shared/seeds) say: each documented code's meaning is the page's
/// line for it, word for word, and an error body is typed as the page types it.
/// </summary>
public sealed class SeedFidelityTests
{
    // ringcentral is left out: its page explains codes in prose, so its statuses: quote sentences, not one line per code.
    private static readonly (string Pack, string Seed)[] TabledPages =
    [
        ("callrail", "000_234282b887c6dd00.txt"),
        ("notes", "001_510efd6ec6fff0a1.txt"),
        ("ranges", "002_a7251ac45f33806e.txt"),
        ("fonedynamics", "004_6377ea2302b4e20f.txt"),
    ];

    private static string Contracts => Path.Combine(RepoPaths.Root(), "contracts");

    public static IEnumerable<TestCaseData> CodeMeanings() =>
        from page in TabledPages
        from status in Load(page.Pack).Pack!.Statuses
        where !status.Pattern.IsClass
        select new TestCaseData(page.Pack, page.Seed, status.Pattern.Code, status.Meaning)
            .SetName($"Statuses_{page.Pack}_{status.Pattern.Code}_QuotesItsSeedLine");

    [TestCaseSource(nameof(CodeMeanings))]
    public void Statuses_DocumentedCode_QuotesItsSeedLine(string pack, string seed, int code, string meaning)
    {
        // The page's table runs code, name and explanation together ("504Gateway TimeoutA gateway ..."); the pack writes
        // "Gateway Timeout – A gateway ...". Compared without spaces and dashes, the two are the same text.
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root(), "..", "shared", "seeds", seed))
            .Where(l => l.StartsWith(code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .Select(Squeeze);

        Assert.That(lines, Does.Contain(Squeeze(code + meaning)), $"{pack} statuses {code}: \"{meaning}\" is not the page's line for {code}");
    }

    [Test]
    public void UnlistedCodeSchema_ErrorsFieldNameNotAString_Invalid()
    {
        var schema = JsonSchema.LoadFile(Path.Combine(Contracts, "fonedynamics", "schemas", "unlisted-code.schema.json")).Schema!;
        var body = JsonNode.Parse("""{"ResponseStatus":{"ErrorCode":"UNAUTHORIZED","Message":"Wrong credentials.","Errors":[{"FieldName":7}]}}""");

        Assert.That(schema.Validate(body).IsValid, Is.False);
    }

    private static LoadedPack Load(string pack) => PackLoader.Load(Path.Combine(Contracts, pack), RepoPaths.Root());

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('–' or '-')));
}
