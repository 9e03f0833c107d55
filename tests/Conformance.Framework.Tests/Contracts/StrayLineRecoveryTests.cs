using Conformance.Contracts;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>
/// A line in the first column of a table that can be no key (<c>[x</c>, <c>- x</c>, a pasted word): its own failing
/// entry at its line where it is certainly no entry's, the entries around it load; otherwise the file stays one error.
/// </summary>
public sealed class StrayLineRecoveryTests : TableRecoveryFixture
{
    [Test]
    public void Load_LineInTheFirstColumnBetweenTopLevelEntries_ThatLineOneErrorRowsLoad()
    {
        var pack = Load(
            "description: ok",
            "[never closed",
            "rows:",
            "  - { op: get_thing, scenario: valid, expect: 200, id: first }");

        Assert.That(Invalid(pack), Is.EqualTo(new[]
        {
            "tables/bad.yaml:2 (invalid) | tables/bad.yaml(2,1): error CT0101: The file is not valid YAML, this line starts in the first column but is not a 'key:', so it belongs to no entry and YAML cannot read the file past it; the entries around it are read as if it were not written. Fix: Remove the line or indent it under the key it belongs to.",
        }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public void Load_LinesInTheFirstColumnBetweenRows_EachItsOwnErrorRowsLoad()
    {
        var pack = Load(
            "rows:",
            "  - { op: get_thing, scenario: valid, expect: 200, id: first }",
            "- x",
            "oops",
            "  - { op: get_thing, scenario: valid, expect: 200, id: second }",
            "[x");

        Assert.That(Invalid(pack).Select(i => i[..i.IndexOf(" error ", StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            "tables/bad.yaml:3 (invalid) | tables/bad.yaml(3,1):",
            "tables/bad.yaml:4 (invalid) | tables/bad.yaml(4,1):",
            "tables/bad.yaml:6 (invalid) | tables/bad.yaml(6,1):",
        }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first", "second" }));
    }

    [TestCase("description: |", "  a text", "  of two lines", "oops", "rows:")]
    [TestCase("description: >-", "  a text", "", "oops", "rows:")]
    [TestCase("description: 'a text", "  of two lines'", "oops", "rows:")]
    [TestCase("description: a text", "  of two lines", "oops", "rows:")]
    [TestCase("rows:", "oops")]
    public void Load_LineInTheFirstColumnAfterAValueOverLines_ThatLineOneErrorRowsLoad(params string[] lines)
    {
        var pack = Load([.. lines, "  - { op: get_thing, scenario: valid, expect: 200, id: first }"]);

        Assert.That(Invalid(pack).Select(i => i[i.IndexOf(" error ", StringComparison.Ordinal)..]), Is.EqualTo(new[] { " error CT0101: The file is not valid YAML, this line starts in the first column but is not a 'key:', so it belongs to no entry and YAML cannot read the file past it; the entries around it are read as if it were not written. Fix: Remove the line or indent it under the key it belongs to." }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public void Load_LineInTheFirstColumnAfterAFlowRowsList_ThatLineOneErrorRowsLoad()
    {
        var pack = Load(
            "rows: [ { op: get_thing, scenario: valid, expect: 200, id: first },",
            "  { op: get_thing, scenario: valid, expect: 200, id: second } ]",
            "a pasted word");

        Assert.That(Invalid(pack).Select(i => i[..i.IndexOf(" error ", StringComparison.Ordinal)]), Is.EqualTo(new[] { "tables/bad.yaml:3 (invalid) | tables/bad.yaml(3,1):" }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first", "second" }));
    }

    [Test]
    public void Load_MoreThanTwentyLinesInTheFirstColumnBetweenRows_NoneTakenTheRowAboveOneError()
    {
        var pack = Load(
            [
                "rows:",
                "  - { op: get_thing, scenario: valid, expect: 200, id: first }",
                .. Enumerable.Repeat("oops", StrayLines.Max + 1),
                "  - { op: get_thing, scenario: valid, expect: 200, id: second }",
            ]);

        Assert.That(Invalid(pack).Select(i => i[..i.IndexOf(" error ", StringComparison.Ordinal)]), Is.EqualTo(new[] { "tables/bad.yaml:2 (invalid) | tables/bad.yaml(3,1):" }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "second" }));
    }

    [TestCase("description: ok", "[never closed", "  more", "rows:", "  - { op: get_thing, scenario: valid, expect: 200, id: first }")]
    [TestCase("description: [ok,", "never closed ]", "rows:", "  - { op: get_thing, scenario: valid, expect: 200, id: first }")]
    [TestCase("description: \"ok", "never closed\"", "rows:", "  - { op: get_thing, scenario: valid, expect: 200, id: first }")]
    [TestCase("rows:", "  - { op: get_thing, scenario: valid, expect: 200, id: first, description: [a,", "b ] }")]
    [TestCase("rows:", "  - { op: get_thing, scenario: valid, expect: 200, id: first }", "x: y: z", "&a x")]
    public void Load_LineInTheFirstColumnNotCertainlyStray_WholeFileOneError(params string[] lines)
    {
        var pack = Load(lines);

        Assert.That(Invalid(pack), Has.Count.EqualTo(1));
        Assert.That(Ids(pack), Is.Empty);
    }
}
