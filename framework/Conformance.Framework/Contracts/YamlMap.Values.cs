using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>The name: value mappings of a <see cref="YamlMap"/> (an operation's params and headers, defaults.headers).</summary>
internal sealed partial class YamlMap
{
    public Dictionary<string, string> StringMap(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Mapping(key) is not { } map)
        {
            return result;
        }

        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && IsNull(v))
            {
                NoValue(key, name, v);
                result[name] = string.Empty; // reported once: not a second time as missing (a path parameter's sample)
            }
            else if (k is YamlScalarNode { Value: { } name2 } && v is YamlScalarNode { Value: var value })
            {
                result[name2] = value ?? string.Empty;
            }
            else if (k is YamlScalarNode { Value: { } name3 })
            {
                Bag.Error(ErrorCodes.WrongNodeType, Path, v, $"'{name3}' of '{key}' must be a single value, found a {Kind(v)}",
                    $"each name of '{key}' is sent with one text (only an operation's query: takes a list, sending the name once per item)", $"Write one value ({name3}: \"text\").");
                result[name3] = string.Empty; // as above: one mistake, one error
            }
            else
            {
                Bag.Error(ErrorCodes.WrongNodeType, Path, v, $"Entries of '{key}' must be name: value", $"found a {Kind(v)}");
            }
        }

        return result;
    }

    /// <summary>Reports <paramref name="name"/> of <paramref name="key"/> written with no value (<c>~</c>, <c>null</c>, nothing).</summary>
    public void NoValue(string key, string name, YamlNode value)
    {
        var written = ((YamlScalarNode)value).Value is { Length: > 0 } raw ? $"the text '{raw}'" : "empty text";
        Bag.Error(ErrorCodes.WrongNodeType, Path, value, $"'{name}' of '{key}' has no value", $"YAML reads ~, null and nothing as no value, which would be sent as {written}",
            $"Write the value ({name}: \"text\"; quote \"~\" to send it as text), or remove '{name}'.");
    }
}
