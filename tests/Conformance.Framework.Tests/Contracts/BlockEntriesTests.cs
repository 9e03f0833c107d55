using Conformance.Contracts;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>The entries of a top-level block collection, found by their text alone for a file YAML cannot read whole.</summary>
public sealed class BlockEntriesTests
{
    [Test]
    public void Find_ItemsAtColumnOneCommentsBetween_EachItemFromItsDashToItsLastWrittenLine()
    {
        var lines = Lines(
            "description: t",
            "rows: # the rows",
            "- { op: a }",
            "# about b",
            "- op: b",
            "  expect: 200",
            "",
            "- op: c",
            "other: 1");

        var entries = BlockEntries.Find(lines, "rows", items: true);

        Assert.That(entries.Select(e => (e.First, e.Last, e.Placeholder)), Is.EqualTo(new[] { (3, 3, "- ~"), (5, 6, "- ~"), (8, 8, "- ~") }));
    }

    [Test]
    public void Find_MappingEntries_EachFromItsKeyLineWithItsNameInThePlaceholder()
    {
        var lines = Lines(
            "operations:",
            "  get_thing:",
            "    method: GET",
            "   path: /x",
            "  create-thing.v2: { method: POST",
            "statuses: {}");

        var entries = BlockEntries.Find(lines, "operations", items: false);

        Assert.That(entries.Select(e => (e.First, e.Last, e.Placeholder)), Is.EqualTo(new[] { (2, 4, "  get_thing: ~"), (5, 5, "  create-thing.v2: ~") }));
    }

    [Test]
    public void Find_QuotedKeys_EachEntryWithItsKeyAsWrittenInThePlaceholder()
    {
        var lines = Lines(
            "statuses:",
            "  \"400\": Bad Request: the body is invalid",
            "  '404': Not Found",
            "  \"get thing\": x",
            "errors: {}");

        var entries = BlockEntries.Find(lines, "statuses", items: false);

        Assert.That(entries.Select(e => (e.First, e.Last, e.Placeholder)), Is.EqualTo(new[] { (2, 2, "  \"400\": ~"), (3, 3, "  '404': ~"), (4, 4, "  \"get thing\": ~") }));
    }

    [Test]
    public void Find_QuotedKeysWithEscapes_EachEntryWithItsKeyDecodedAndAsWrittenInThePlaceholder()
    {
        var lines = Lines(
            "operations:",
            "  \"get\\u005fthing\": { method: GET }",
            "  \"a\\\"b\": { method: GET",
            "  'it''s': { method: GET }",
            "statuses: {}");

        var entries = BlockEntries.Find(lines, "operations", items: false);

        Assert.That(entries.Select(e => (e.First, e.Name, e.Placeholder)), Is.EqualTo(new[]
        {
            (2, "get_thing", "  \"get\\u005fthing\": ~"), (3, "a\"b", "  \"a\\\"b\": ~"), (4, "it's", "  'it''s': ~"),
        }));
    }

    [TestCase("operations:\n  \"get\\qthing\": { method: GET }", "operations")]
    [TestCase("operations:\n  \"get\\u00\": { method: GET }", "operations")]
    [TestCase("operations:\n  \"get thing: { method: GET }", "operations")]
    [TestCase("rows: [")]
    [TestCase("rows: [ { op: a } ]")]
    [TestCase("rows:\n  op: a")]
    [TestCase("rows:\n\t- op: a")]
    [TestCase("operations:\n  [get, thing]: { method: GET }", "operations")]
    [TestCase("rowz:\n  - op: a")]
    public void Find_NoBlockCollectionOrAnEntryWithoutAReadableKey_Empty(string text, string key = "rows") =>
        Assert.That(BlockEntries.Find(text.Split('\n'), key, items: key == "rows"), Is.Empty);

    private static string[] Lines(params string[] lines) => lines;
}
