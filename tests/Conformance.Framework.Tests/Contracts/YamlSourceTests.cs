using Conformance.Contracts;
using Conformance.Diagnostics;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>Files that would stop a YAML reader (stack overflow, exponential aliases) are reported, in the one parse.</summary>
public sealed class YamlSourceTests
{
    [Test]
    public void Load_HundredThousandNestedFlowLists_ErrorAtTheLevelTooDeep()
    {
        var text = "description: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var bag = new DiagnosticBag();

        var root = YamlSource.Load(text, "tables/deep.yaml", bag);

        Assert.That(root, Is.Null);
        Assert.That(bag.Items.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "tables/deep.yaml(1,113): error CT0101: The file is not valid YAML, the values nest more than 100 levels deep here, deeper than any pack needs. Fix: Correct the YAML at the position shown; indent with spaces and quote values containing ': '.",
        }));
    }

    [Test]
    public void Load_AliasBombOfNineLevels_ErrorWithoutExpandingIt()
    {
        var lines = new List<string> { "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        lines.AddRange(Enumerable.Range(1, 8).Select(i => $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]"));
        var bag = new DiagnosticBag();

        var root = YamlSource.Load(string.Join('\n', lines), "api.yaml", bag);

        Assert.That(root, Is.Null);
        Assert.That(bag.Items.Single().ToString(), Does.StartWith("api.yaml(6,").And.Contain("error CT0101: The file is not valid YAML, the file expands to more than 1,000,000 values"));
    }

    [Test]
    public void Load_TenThousandRowsSharingALargeBlock_Loads()
    {
        // A DRY table: one 40-assertion block written once, repeated by alias in every row (about 1.2 million values
        // once expanded, 12 per value written): what a long table does, not an alias bomb.
        var block = string.Join(", ", Enumerable.Range(0, 40).Select(i => $"/errors/{i}/message: {{ regex: \"^.+$\" }}"));
        var lines = new List<string> { "rows:", $"  - {{ op: get_thing, scenario: valid, expect: 200, body: &b {{ {block} }} }}" };
        lines.AddRange(Enumerable.Range(1, 9_999).Select(i => $"  - {{ op: get_thing, scenario: valid, expect: 200, id: r{i}, body: *b }}"));
        var bag = new DiagnosticBag();

        var root = YamlSource.Load(string.Join('\n', lines), "tables/t.yaml", bag);

        Assert.Multiple(() =>
        {
            Assert.That(bag.Items, Is.Empty);
            Assert.That(root, Is.Not.Null);
        });
    }

    [Test]
    public void Load_MergeKeys_OwnKeysWinThenTheFirstMergedMapping()
    {
        var text = "rows:\n  - &a { op: get_thing, scenario: valid, expect: 200 }\n  - &b { op: list_things, tags: [smoke] }\n  - { <<: [*b, *a], expect: 401 }\n";
        var bag = new DiagnosticBag();

        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)YamlSource.Load(text, "tables/t.yaml", bag)!;

        var merged = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlSequenceNode)root.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("rows")]).Children[2];
        Assert.Multiple(() =>
        {
            Assert.That(bag.Items, Is.Empty);
            Assert.That(merged.Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString()), Is.EqualTo(new Dictionary<string, string>
            {
                ["expect"] = "401", ["op"] = "list_things", ["tags"] = "[ smoke ]", ["scenario"] = "valid",
            }));
        });
    }
}
