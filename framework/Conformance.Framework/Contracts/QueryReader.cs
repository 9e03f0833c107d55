using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// Reads an operation's <c>query:</c>: a name with one value, or with a list of values, which sends the name once per
/// item, in order (<c>tag: [a, b]</c> is <c>tag=a&amp;tag=b</c>). An item that is not a single value, an empty list and
/// a nested value are each reported.
/// </summary>
internal static class QueryReader
{
    private const string Why = "a query parameter's value is a string, a number or a boolean, or a list of them, which sends the name once per item, in order (tag=a&tag=b)";
    private const string Flat = "Write a single value or a list of them; an object's fields go as query names of their own (filter[city]: Berlin).";

    /// <summary>The name-value pairs in the order written, a list's items each as a pair of their own.</summary>
    public static List<KeyValuePair<string, string>> Read(string id, YamlMap map)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (map.Mapping("query") is not { } query)
        {
            return result;
        }

        foreach (var (key, value) in query.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                map.Bag.Error(ErrorCodes.WrongNodeType, map.Path, value, "Entries of 'query' must be name: value", $"found a {YamlMap.Kind(value)}");
                continue;
            }

            switch (value)
            {
                case YamlScalarNode when YamlMap.IsNull(value):
                    map.NoValue("query", name, value);
                    break;
                case YamlScalarNode { Value: var text }:
                    result.Add(new(name, text ?? string.Empty));
                    break;
                case YamlSequenceNode { Children.Count: 0 }:
                    map.Bag.Error(ErrorCodes.WrongNodeType, map.Path, value, $"Query parameter '{name}' of operation '{id}' is an empty list",
                        $"a list sends the name once per item, so an empty one would not send '{name}' at all", $"Write its items ({name}: [a, b]), or remove '{name}'.");
                    break;
                case YamlSequenceNode list:
                    foreach (var item in list.Children)
                    {
                        if (item is YamlScalarNode { Value: var itemText } && !YamlMap.IsNull(item))
                        {
                            result.Add(new(name, itemText ?? string.Empty));
                        }
                        else
                        {
                            var isNull = item is YamlScalarNode;
                            map.Bag.Error(ErrorCodes.WrongNodeType, map.Path, item, $"An item of query parameter '{name}' of operation '{id}' is {(isNull ? "null" : $"a {YamlMap.Kind(item)}")}",
                                Why, isNull ? "Write the item as text (quote \"~\" to send it as text), or remove it." : Flat);
                        }
                    }

                    break;
                default:
                    map.Bag.Error(ErrorCodes.WrongNodeType, map.Path, value, $"Query parameter '{name}' of operation '{id}' is a {YamlMap.Kind(value)}", Why, Flat);
                    break;
            }
        }

        return result;
    }
}
