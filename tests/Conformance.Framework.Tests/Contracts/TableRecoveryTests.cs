using Conformance.Contracts;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>
/// A table file YAML cannot read whole: each row YAML cannot read is one failing entry at its line, every other row
/// of the file still loads (a line in the first column that is certainly no row's: <see cref="StrayLineRecoveryTests"/>).
/// </summary>
public sealed class TableRecoveryTests : TableRecoveryFixture
{
    [Test]
    public void Load_TabInOneRow_ThatRowOneErrorOtherRowsLoad()
    {
        var pack = Load(
            "rows:",
            "  - { op: get_thing, scenario: valid, expect: 200, id: first }",
            "  - op: get_thing",
            "\tscenario: no_auth",
            "    expect: 401",
            "  - { op: get_thing, scenario: valid, expect: 200, id: last }");

        Assert.That(Invalid(pack), Is.EqualTo(new[]
        {
            "tables/bad.yaml:3 (invalid) | tables/bad.yaml(4,1): error CT0116: Tab character used for indentation, YAML allows only spaces for indentation. Fix: YAML indentation must use spaces; replace the tab.",
        }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first", "last" }));
    }

    [Test]
    public void Load_ColonInUnquotedFlowValue_ThatRowOneErrorOtherRowsLoad()
    {
        var pack = Load(
            "rows:",
            "  - { op: get_thing, scenario: valid, expect: 200, id: first }",
            "  - { op: get_thing, scenario: no_auth, expect: 401, description: Error: bad }",
            "  - { op: get_thing, scenario: valid, expect: 200, id: last }");

        Assert.That(Invalid(pack), Is.EqualTo(new[]
        {
            "tables/bad.yaml:3 (invalid) | tables/bad.yaml(3,72): error CT0101: The file is not valid YAML, while parsing a flow mapping, did not find expected ',' or '}'. Fix: Correct the YAML at the position shown; indent with spaces and quote values containing ': '.",
        }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first", "last" }));
    }

    [Test]
    public void Load_MisIndentedLineInOneRow_ThatRowOneErrorOtherRowsLoad()
    {
        var pack = Load(
            "rows:",
            "  - op: get_thing",
            "    scenario: valid",
            "     expect: 200",
            "  - { op: get_thing, scenario: valid, expect: 200, id: last }");

        Assert.That(Invalid(pack), Has.Count.EqualTo(1));
        Assert.That(Invalid(pack)[0], Does.StartWith("tables/bad.yaml:2 (invalid) | tables/bad.yaml(4,").And.Contain("error CT0101"));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "last" }));
    }

    [Test]
    public void Load_KeyTwiceInOneRowAndBrokenRow_EachOneErrorLaterDefaultIdsUnchanged()
    {
        var pack = Load(
            "rows:",
            "  - { op: get_thing, op: create_thing, scenario: valid, expect: 200 }",
            "  - { op: get_thing, scenario: valid, expect: 200",
            "  # the last row",
            "  - { op: get_thing, scenario: no_auth, expect: 401 }");

        Assert.That(Invalid(pack), Is.EqualTo(new[]
        {
            "tables/bad.yaml:2 (invalid) | tables/bad.yaml(2,22): error CT0121: Key 'op' appears twice in one mapping, YAML keeps only one of them, so the other would be lost silently. Fix: Keep one of the two entries.",
            "tables/bad.yaml:3 (invalid) | tables/bad.yaml(3,5): error CT0101: The file is not valid YAML, this '{' or '[' is never closed. Fix: Correct the YAML at the position shown; indent with spaces and quote values containing ': '.",
        }));

        // bad.yaml is the pack's first table: its third row is the first no_auth row of get_thing (RowIdTests).
        Assert.That(Ids(pack), Is.EqualTo(new[] { "get_thing.no_auth.1" }));
    }

    [Test]
    public void Load_AliasToAnEarlierRowNextToABrokenRow_AliasStillResolves()
    {
        var pack = Load(
            "rows:",
            "  - { op: get_thing, scenario: no_auth, expect: 401, id: first, body: &err { /code: { equals: AUTH } } }",
            "  - { op: get_thing, scenario: valid, expect: 200, description: Error: bad }",
            "  - { op: get_thing, scenario: no_auth, expect: 401, id: last, body: *err }");

        Assert.That(Invalid(pack), Has.Count.EqualTo(1));
        Assert.That(pack.Rows.Single(r => r.Id == "last").Body, Has.Count.EqualTo(1));
    }

    [Test]
    public void Load_WindowsLineEndsWithBrokenRow_ThatRowOneErrorOtherRowsLoad()
    {
        var pack = Load(
            "rows:\r",
            "  - { op: get_thing, scenario: valid, expect: 200, id: first }\r",
            "  - op: get_thing\r",
            "     scenario: valid\r",
            "    expect: 200\r",
            "  - { op: get_thing, scenario: valid, expect: 200, id: last }\r");

        Assert.That(Invalid(pack).Select(i => i[..i.IndexOf(" | ", StringComparison.Ordinal)]), Is.EqualTo(new[] { "tables/bad.yaml:3 (invalid)" }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first", "last" }));
    }

    [Test]
    public void Load_KeyTwiceInEachOf100Rows_EachRowOneErrorLastRowLoads()
    {
        // More rows than the whole file is ever read again for (YamlRecovery.MaxRereads): each row shows its mistake alone.
        var lines = new List<string> { "rows:" };
        lines.AddRange(Enumerable.Range(1, 100).Select(i => $"  - {{ op: get_thing, op: get_thing, scenario: valid, expect: 200, id: r{i} }}"));
        lines.Add("  - { op: get_thing, scenario: valid, expect: 200, id: last }");

        var pack = Load([.. lines]);

        Assert.That(Invalid(pack), Has.Count.EqualTo(100));
        Assert.That(Invalid(pack)[99], Does.StartWith("tables/bad.yaml:101 (invalid) | tables/bad.yaml(101,22): error CT0121: Key 'op' appears twice"));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "last" }));
    }

    [Test]
    public void Load_AliasToNoAnchor_ThatRowOneErrorOtherRowsLoad()
    {
        var pack = Load(
            "rows:",
            "  - { op: get_thing, scenario: valid, expect: 200, id: first }",
            "  - { op: get_thing, scenario: no_auth, expect: 401, body: *nowhere }",
            "  - { op: get_thing, scenario: valid, expect: 200, id: last }");

        Assert.That(Invalid(pack), Is.EqualTo(new[]
        {
            "tables/bad.yaml:3 (invalid) | tables/bad.yaml(3,60): error CT0101: The file is not valid YAML, the alias *nowhere repeats no value: no '&nowhere' comes before it. Fix: Write &nowhere on the value to repeat, before this alias, or write the value here.",
        }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first", "last" }));
    }

    [Test]
    public void Load_BrokenRowAndASecondDocument_BothReported()
    {
        var pack = Load(
            "rows:",
            "  - { op: get_thing, scenario: valid, expect: 200, description: Error: bad }",
            "  - { op: get_thing, scenario: valid, expect: 200, id: last }",
            "---",
            "rows: []");

        Assert.That(Invalid(pack).Select(i => i[..i.IndexOf("error CT", StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            "tables/bad.yaml:4 (invalid) | tables/bad.yaml(4,1): ",
            "tables/bad.yaml:2 (invalid) | tables/bad.yaml(2,70): ",
        }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "last" }));
    }

    [Test]
    public void Load_FirstRowIndentedApart_ThatRowOneErrorTheRowsAfterItLoad()
    {
        var pack = Load(
            "rows:",
            "   - { op: get_thing, scenario: valid, expect: 200, id: first }",
            "  - { op: get_thing, scenario: no_auth, expect: 401, id: second }",
            "  - { op: get_thing, scenario: valid, expect: 200, id: last }");

        Assert.That(Invalid(pack), Is.EqualTo(new[]
        {
            "tables/bad.yaml:2 (invalid) | tables/bad.yaml(2,4): error CT0101: The file is not valid YAML, this row's '-' is indented 3 space(s), the other rows' 2, so YAML cannot read the rows after it. Fix: Indent its '-' by 2 space(s), as the other rows.",
        }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "second", "last" }));
    }

    [Test]
    public void Load_LineInTheFirstColumnInsideARow_ThatRowOneErrorOtherRowsLoad()
    {
        var pack = Load(
            "rows:",
            "  - op: get_thing",
            "    scenario: valid",
            "*a  expect: 200",
            "  - { op: get_thing, scenario: valid, expect: 200, id: last }");

        Assert.That(Invalid(pack).Select(i => i[..i.IndexOf(" | ", StringComparison.Ordinal)]), Is.EqualTo(new[] { "tables/bad.yaml:2 (invalid)" }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "last" }));
    }

    [Test]
    public void Load_DescriptionLineBroken_ReportedAndTheRowsStillLoad()
    {
        var pack = Load(
            "description: [never closed",
            "rows:",
            "  - { op: get_thing, scenario: valid, expect: 200, id: first }");

        Assert.That(Invalid(pack), Is.EqualTo(new[]
        {
            "tables/bad.yaml:1 (invalid) | tables/bad.yaml(1,14): error CT0101: The file is not valid YAML, this '{' or '[' is never closed. Fix: Correct the YAML at the position shown; indent with spaces and quote values containing ': '.",
        }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public void Load_LineUnderTheDescriptionBroken_ReportedAndTheRowsStillLoad()
    {
        var pack = Load(
            "description: ok",
            "  - stray: [never closed",
            "rows:",
            "  - { op: get_thing, scenario: valid, expect: 200, id: first }");

        Assert.That(Invalid(pack).Select(i => i[..i.IndexOf(" | ", StringComparison.Ordinal)]), Is.EqualTo(new[] { "tables/bad.yaml:2 (invalid)" }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public void Load_FlowStyleRowsListWithABrokenRow_ThatRowOneErrorOtherRowsLoad()
    {
        var pack = Load(
            "rows: [",
            "  { op: get_thing, scenario: valid, expect: 200, id: first }, # a comment, with a ']'",
            "  { op: get_thing, scenario: valid, expect: 200, description: Error: bad },",
            "  { op: get_thing, scenario: valid, expect: 200, id: 'la[s]t, ''quoted''' } ]");

        Assert.That(Invalid(pack), Is.EqualTo(new[]
        {
            "tables/bad.yaml:3 (invalid) | tables/bad.yaml(3,68): error CT0101: The file is not valid YAML, while parsing a flow mapping, did not find expected ',' or '}'. Fix: Correct the YAML at the position shown; indent with spaces and quote values containing ': '.",
        }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first", "la[s]t, 'quoted'" }));
    }

    [Test]
    public void Load_FlowStyleRowsListWithAnAnchorAndABrokenRow_ThatRowOneErrorAliasStillResolves()
    {
        var pack = Load(
            "rows: [ &first { op: get_thing, scenario: valid, expect: 200, id: first }, { op: get_thing, description: Error: bad },",
            "  { <<: *first, id: last } ]");

        Assert.That(Invalid(pack).Select(i => i[..i.IndexOf(" | ", StringComparison.Ordinal)]), Is.EqualTo(new[] { "tables/bad.yaml:1 (invalid)" }));
        Assert.That(Ids(pack), Is.EqualTo(new[] { "first", "last" }));
    }

    [TestCase("rows: [ { op: get_thing, scenario: valid, expect: 200, id: first }, { op: get_thing, description: \"never closed } ]")]
    [TestCase("rows: [ { op: get_thing, scenario: valid, expect: 200, id: first }, { op: get_thing, description: Error: bad ] ]")]
    [TestCase("rows: [ { op: get_thing, scenario: valid, expect: 200, id: first }, , { op: get_thing, description: Error: bad } ]")]
    public void Load_FlowStyleRowsListNotSplitForCertain_WholeFileOneError(string text)
    {
        var pack = Load(text);

        Assert.That(Invalid(pack), Has.Count.EqualTo(1));
        Assert.That(Ids(pack), Is.Empty);
    }
}
