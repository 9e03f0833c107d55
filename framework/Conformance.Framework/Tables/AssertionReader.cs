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
            var pointer = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!JsonPointer.IsValid(pointer))
            {
                bag.Error(ErrorCodes.InvalidPointer, path, key, $"'{pointer}' is not a JSON Pointer", "a pointer is empty or starts with '/', and '~' is followed by 0 or 1");
                continue;
            }

            if (value is not YamlMappingNode rule)
            {
                bag.Error(ErrorCodes.WrongNodeType, path, value, $"The assertion on '{pointer}' must be a mapping", $"found a {YamlMap.Kind(value)}", "Write { equals: value }, { oneOf: [a, b] }, { regex: '...' } or { exists: true }.");
                continue;
            }

            var map = new YamlMap(rule, path, bag, BodyKeys, $"the assertion on '{pointer}'");
            var at = DiagnosticBag.At(path, key);
            if (map.Get("equals") is { } eq)
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
            else if (!map.Has("regex") && map.UnknownKeys == 0)
            {
                bag.Error(ErrorCodes.MissingKey, path, rule, $"The assertion on '{pointer}' says nothing to check", "it needs equals, oneOf (a list), regex or exists");
            }
        }

        return result;
    }

    public static List<HeaderAssertion> ReadHeaders(YamlMappingNode? node, string path, DiagnosticBag bag)
    {
        var result = new List<HeaderAssertion>();
        foreach (var (key, value) in node?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (value is not YamlMappingNode rule)
            {
                bag.Error(ErrorCodes.InvalidHeaderAssertion, path, value, $"The assertion on header '{name}' must be a mapping", $"found a {YamlMap.Kind(value)}");
                continue;
            }

            var map = new YamlMap(rule, path, bag, HeaderKeys, $"the assertion on header '{name}'");
            var at = DiagnosticBag.At(path, rule);
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
