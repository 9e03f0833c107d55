using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// YAML merge keys (<c>&lt;&lt;: *base</c>, <c>&lt;&lt;: [*a, *b]</c>), as a table that repeats one row's keys writes them:
/// the keys of the merged mappings join the mapping, its own keys win, and among several merged mappings the first one
/// wins. A <c>&lt;&lt;</c> whose value is not a mapping (or a list of mappings) is left as it is, for the readers to report as
/// an unknown key. Runs once on a loaded tree (YamlGuard has already bounded what aliases expand to).
/// </summary>
internal static class YamlMerge
{
    public static void Apply(YamlNode root) => Visit(root, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

    private static void Visit(YamlNode node, HashSet<YamlNode> done)
    {
        if (!done.Add(node))
        {
            return;
        }

        if (node is YamlSequenceNode sequence)
        {
            foreach (var child in sequence.Children)
            {
                Visit(child, done);
            }
        }
        else if (node is YamlMappingNode mapping)
        {
            foreach (var child in mapping.Children.Values.ToList())
            {
                Visit(child, done);
            }

            Merge(mapping, done);
        }
    }

    private static void Merge(YamlMappingNode mapping, HashSet<YamlNode> done)
    {
        // A quoted "<<" is a plain key named so, not a merge.
        if (mapping.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "<<" && k.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any) is not { } key)
        {
            return;
        }

        var merged = mapping.Children[key];
        var sources = merged is YamlSequenceNode list ? list.Children.ToList() : [merged];
        if (sources.Count == 0 || !sources.All(s => s is YamlMappingNode))
        {
            return;
        }

        mapping.Children.Remove(key);
        foreach (var source in sources.Cast<YamlMappingNode>())
        {
            Visit(source, done);
            foreach (var (name, value) in source.Children)
            {
                mapping.Children.TryAdd(name, value);
            }
        }
    }
}
