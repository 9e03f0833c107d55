using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Diagnostics;
using Conformance.Tables;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// Reads one entry of a setup's <c>capture:</c>: <c>note_id: /id</c> (a JSON Pointer into the setup's response body) or
/// <c>note_id: { header: Location, pattern: "/notes/([^/?#]+)$" }</c> (a response header, the pattern optional).
/// </summary>
internal static class CaptureReader
{
    private static readonly string[] HeaderKeys = ["header", "pattern"];
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    public static CaptureSource? Read(string name, YamlNode key, YamlNode value, IReadOnlyDictionary<string, JsonNode?> vars, YamlMap map)
    {
        if (!vars.ContainsKey(name))
        {
            var known = vars.Count == 0 ? "api.yaml declares no vars" : $"the vars are {string.Join(", ", vars.Keys)}";
            map.Bag.Error(ErrorCodes.UnknownVariable, map.Path, key, $"Capture into unknown variable '{name}'", $"{known}; a captured value replaces a variable's value in the case",
                $"Declare it under vars: with its default value (what a dry run and the embedded reference API use), or fix the name.{DidYouMean.Suffix(name, vars.Keys)}");
            return null;
        }

        if (value is YamlMappingNode header)
        {
            return Header(name, header, map);
        }

        if (value is not YamlScalarNode { Value: { } pointer } || YamlMap.IsNull(value))
        {
            map.Bag.Error(ErrorCodes.WrongNodeType, map.Path, value, $"Capture of '{name}' must be a JSON Pointer into the setup's response body, or a header", $"found a {YamlMap.Kind(value)}",
                "Write e.g. note_id: /id, or note_id: { header: Location, pattern: \"/notes/([^/?#]+)$\" }.");
            return null;
        }

        if (!JsonPointer.IsValid(pointer))
        {
            map.Bag.Error(ErrorCodes.InvalidPointer, map.Path, value, $"'{pointer}' is not a JSON Pointer", "a pointer is empty or starts with '/', and '~' is followed by 0 or 1", "Write e.g. note_id: /id." + DidYouMean.Suffix(JsonPointer.Slashed(pointer)));
            return null;
        }

        return CaptureSource.FromBody(pointer);
    }

    private static CaptureSource? Header(string name, YamlMappingNode node, YamlMap owner)
    {
        var what = $"capture of '{name}'";
        var map = new YamlMap(node, owner.Path, owner.Bag, HeaderKeys, what);
        var header = map.String("header", required: true, owner: what);
        var text = map.String("pattern");
        if (header is not null && !HttpToken.Is(header))
        {
            map.Bag.Error(ErrorCodes.InvalidValue, map.Location("header"), $"'{header}' is not a header name", "a header name is one token: letters, digits and !#$%&'*+-.^_`|~", "Write the name alone, e.g. header: Location.");
            return null;
        }

        Regex? pattern = null;
        if (text is not null)
        {
            try
            {
                pattern = new Regex(text, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException ex)
            {
                map.Bag.Error(ErrorCodes.InvalidRegex, map.Path, map.Get("pattern")!, $"Invalid regular expression '{text}'", ex.Message.TrimEnd('.'));
                return null;
            }
        }

        return header is null ? null : CaptureSource.FromHeader(header, pattern);
    }
}
