using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Contracts;
using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Tables;

/// <summary>Reads a row's <c>body:</c> and <c>headers:</c> assertions.</summary>
internal static class AssertionReader
{
    private static readonly string[] BodyKeys = ["equals", "oneOf", "regex", "exists"];
    private static readonly string[] HeaderKeys = ["present", "absent", "pattern", "format"];
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public static List<BodyAssertion> ReadBody(YamlMappingNode? node, string path, DiagnosticBag bag)
    {
        var result = new List<BodyAssertion>();
        foreach (var (key, value) in node?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (key is not YamlScalarNode { Value: { } pointer })
            {
                bag.Error(ErrorCodes.InvalidPointer, path, key, $"A key of body: must be a JSON Pointer", $"found a {YamlMap.Kind(key)}", "Write the pointer as a plain key, e.g. /id: { equals: 1 }.");
                continue;
            }

            if (!JsonPointer.IsValid(pointer))
            {
                bag.Error(ErrorCodes.InvalidPointer, path, key, $"'{pointer}' is not a JSON Pointer", "a pointer is empty or starts with '/', and '~' is followed by 0 or 1", ErrorCodes.InvalidPointer.Fix + DidYouMean.Suffix(JsonPointer.Slashed(pointer)));
                continue;
            }

            if (value is not YamlMappingNode rule)
            {
                bag.Error(ErrorCodes.WrongNodeType, path, value, $"The assertion on '{pointer}' must be a mapping", $"found a {YamlMap.Kind(value)}", "Write { equals: value }, { oneOf: [a, b] }, { regex: '...' } or { exists: true }.");
                continue;
            }

            var map = new YamlMap(rule, path, bag, BodyKeys, $"the assertion on '{pointer}'");
            var at = DiagnosticBag.At(path, key);
            if (OneRule(map, BodyKeys, $"The assertion on '{pointer}'", "Keep one: equals for a known value, oneOf for a few, regex for a form, exists for presence; a pointer takes one rule.", bag))
            {
                continue;
            }

            if (map.Get("oneOf") is { } list and not YamlSequenceNode)
            {
                bag.Error(ErrorCodes.WrongNodeType, path, list, $"'oneOf' of the assertion on '{pointer}' must be a list", $"found a {YamlMap.Kind(list)}", "Write oneOf: [a, b], or equals: a for one value.");
            }
            else if (map.Get("equals") is { } eq)
            {
                result.Add(new BodyAssertion(pointer, BodyRule.EqualTo, [YamlJson.ToJson(eq)], null, at));
            }
            else if (map.Get("oneOf") is YamlSequenceNode options)
            {
                result.Add(new BodyAssertion(pointer, BodyRule.OneOf, options.Children.Select(YamlJson.ToJson).ToList(), null, at));
            }
            else if (map.String("regex") is { } pattern && Compile(pattern, path, map.Get("regex")!, bag) is { } regex)
            {
                result.Add(new BodyAssertion(pointer, BodyRule.Regex, [], regex, at));
            }
            else if (map.Bool("exists") is { } exists)
            {
                result.Add(new BodyAssertion(pointer, exists ? BodyRule.Exists : BodyRule.Absent, [], null, at));
            }
            else if (!map.Has("regex") && !map.Has("exists") && map.UnknownKeys == 0) // an exists: that is no boolean is reported already
            {
                bag.Error(ErrorCodes.MissingKey, path, rule, $"The assertion on '{pointer}' says nothing to check", "it needs equals, oneOf (a list), regex or exists");
            }
        }

        return result;
    }

    public static List<HeaderAssertion> ReadHeaders(YamlMappingNode? node, string path, DiagnosticBag bag)
    {
        var result = new List<HeaderAssertion>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in node?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name } || name.Trim().Length == 0)
            {
                bag.Error(ErrorCodes.InvalidHeaderAssertion, path, key, "A key of headers: must be a header name", $"found {(key is YamlScalarNode ? "an empty name" : $"a {YamlMap.Kind(key)}")}", "Write the header's name as a plain key, e.g. ETag: { present: true }.");
                continue;
            }

            if (!Contracts.HttpToken.Is(name))
            {
                // No response can carry it, so the assertion would fail against every target, blaming the API.
                bag.Error(ErrorCodes.InvalidHeaderAssertion, path, key, $"'{name}' is not a header name", "a header name is one token: letters, digits and !#$%&'*+-.^_`|~, no spaces", "Write the header's name alone, e.g. Retry-After: { present: true }.");
                continue;
            }

            if (seen.TryGetValue(name, out var earlier))
            {
                // Header names are case-insensitive: Content-Type and content-type are one header, asserted twice.
                bag.Error(ErrorCodes.InvalidHeaderAssertion, path, key, $"Header '{name}' is asserted twice", $"header names are case-insensitive, and {path}({earlier.Start.Line},{earlier.Start.Column}) asserts it already", "Keep one assertion per header.");
                continue;
            }

            seen[name] = key;

            if (value is not YamlMappingNode rule)
            {
                bag.Error(ErrorCodes.InvalidHeaderAssertion, path, value, $"The assertion on header '{name}' must be a mapping", $"found a {YamlMap.Kind(value)}", HeaderFix(name, value));
                continue;
            }

            var map = new YamlMap(rule, path, bag, HeaderKeys, $"the assertion on header '{name}'");
            var at = DiagnosticBag.At(path, rule);
            if (OneRule(map, HeaderKeys, $"The assertion on header '{name}'", "Keep one: pattern or format already require the header to be present.", bag) || Negated(map, name, bag))
            {
                continue;
            }

            if (map.Bool("present") == true)
            {
                result.Add(new HeaderAssertion(name, HeaderRule.Present, null, null, at));
            }
            else if (map.Bool("absent") == true)
            {
                result.Add(new HeaderAssertion(name, HeaderRule.Absent, null, null, at));
            }
            else if (map.String("pattern") is { } pattern && Compile(pattern, path, map.Get("pattern")!, bag) is { } regex)
            {
                result.Add(new HeaderAssertion(name, HeaderRule.Pattern, pattern, regex, at));
            }
            else if (map.String("format") is { } format)
            {
                if (HeaderAssertion.Formats.Contains(format))
                {
                    result.Add(new HeaderAssertion(name, HeaderRule.Format, format, null, at));
                }
                else
                {
                    bag.Error(ErrorCodes.InvalidHeaderAssertion, map.Location("format"), $"Unknown header format '{format}'", $"the formats are {string.Join(", ", HeaderAssertion.Formats)}",
                        $"Use one of the formats.{DidYouMean.Suffix(format, HeaderAssertion.Formats)}");
                }
            }
            else if (!map.Has("pattern") && !map.Has("present") && !map.Has("absent") && map.UnknownKeys == 0)
            {
                bag.Error(ErrorCodes.InvalidHeaderAssertion, path, rule, $"The assertion on header '{name}' says nothing to check", "it needs present, absent, pattern or format");
            }
        }

        return result;
    }

    /// <summary>The fix for a header assertion written as a single value: <c>Location: absent</c>, <c>Content-Type: application/json</c>.</summary>
    private static string HeaderFix(string name, YamlNode value) => (value as YamlScalarNode)?.Value is { Length: > 0 } text
        ? text is "present" or "absent"
            ? $"Write {name}: {{ {text}: true }}."
            : HeaderAssertion.Formats.Contains(text)
            ? $"Write {name}: {{ format: {text} }}."
            : $"To match the value, write {name}: {{ pattern: \"{text}\" }} (a regular expression; anchor it with ^ and $ for the whole value), or use present, absent or format."
        : ErrorCodes.InvalidHeaderAssertion.Fix;

    /// <summary>Reports an assertion naming several rules (only one would be checked); true when it does.</summary>
    private static bool OneRule(YamlMap map, string[] rules, string what, string fix, DiagnosticBag bag)
    {
        var named = rules.Where(map.Has).ToList();
        if (named.Count < 2)
        {
            return false;
        }

        bag.Error(ErrorCodes.InvalidValue, map.Location(named[1]), $"{what} names {string.Join(", ", named[..^1])} and {named[^1]}", "an assertion checks one rule, so all but the first would be ignored", fix);
        return true;
    }

    /// <summary>Reports <c>present: false</c> and <c>absent: false</c>, which check nothing; true when one is there.</summary>
    private static bool Negated(YamlMap map, string name, DiagnosticBag bag)
    {
        foreach (var (key, other) in new[] { ("present", "absent"), ("absent", "present") })
        {
            if (map.Has(key) && map.Get(key) is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value) && !value)
            {
                bag.Error(ErrorCodes.InvalidValue, map.Location(key), $"'{key}: false' on header '{name}' checks nothing", $"only {key}: true is a rule, false would be ignored",
                    $"Write {other}: true to require the header {(other == "absent" ? "to be missing" : "to be there")}, or remove the assertion.");
                return true;
            }
        }

        return false;
    }

    private static Regex? Compile(string pattern, string path, YamlNode node, DiagnosticBag bag)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            bag.Error(ErrorCodes.InvalidRegex, path, node, $"Invalid regular expression '{pattern}'", ex.Message.TrimEnd('.'));
            return null;
        }
    }
}
