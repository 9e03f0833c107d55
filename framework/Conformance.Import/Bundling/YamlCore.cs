using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Conformance.Import.Bundling;

/// <summary>
/// A file another one refers to, as a JSON tree, its plain scalars typed by the YAML 1.2 core schema: <c>1e400</c> and a
/// 30-digit integer are numbers, kept as written (the OpenAPI reader's own YAML conversion keeps what no decimal holds as
/// text); quoted <c>"1"</c> is text; <c>true</c>/<c>false</c>, <c>null</c>/<c>~</c>/nothing as such. <c>.inf</c> and
/// <c>.nan</c>, which JSON has no number for, stay text. A JSON file is read alike (JSON is YAML 1.2).
/// </summary>
internal static partial class YamlCore
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new FormatException($"a node the importer does not read at line {node.Start.Line}, column {node.Start.Column}"),
    };

    private static JsonObject Mapping(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new FormatException($"a key that is not text at line {key.Start.Line}, column {key.Start.Column}");
            }

            if (!result.TryAdd(name, Convert(value)))
            {
                throw new FormatException($"the key '{name}' twice in one mapping, at line {key.Start.Line}, column {key.Start.Column}");
            }
        }

        return result;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain || scalar.Tag.ToString() is StringTag or "!")
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ => Number(text) is { } number ? JsonNode.Parse(number) : JsonValue.Create(text),
        };
    }

    /// <summary>A core-schema integer or float as JSON number text (no '+', no leading zeros, digits both sides of a point), else null.</summary>
    private static string? Number(string text)
    {
        if (Octal().IsMatch(text) || Hex().IsMatch(text))
        {
            var digits = text[2..];
            var value = BigInteger.Zero;
            var radix = text[1] == 'o' ? 8 : 16;
            foreach (var digit in digits)
            {
                value = (value * radix) + System.Convert.ToInt32(digit.ToString(), 16);
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (Float().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var sign = match.Groups["sign"].Value == "-" ? "-" : string.Empty;
        var whole = match.Groups["whole"].Value.TrimStart('0');
        var fraction = match.Groups["fraction"].Value;
        var exponent = match.Groups["exponent"].Value;
        return $"{sign}{(whole.Length == 0 ? "0" : whole)}{(fraction.Length == 0 ? string.Empty : "." + fraction)}{exponent}";
    }

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex Octal();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^(?<sign>[-+]?)(?:\.(?<fraction>[0-9]+)|(?<whole>[0-9]+)(?:\.(?<fraction>[0-9]*))?)(?<exponent>[eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
