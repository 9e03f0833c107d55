using Conformance.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>
/// Reads a YAML mapping with a fixed set of keys; unknown keys are reported once, with a did-you-mean.
/// Every accessor reports a wrong kind of value instead of throwing.
/// </summary>
internal sealed partial class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);

    // The keys the unknown ones were closest to ('statusez' -> statuses): their CT0102 already says "Did you mean", so a
    // required one of them is not reported missing a second time (one mistake, one case).
    private readonly Dictionary<string, Misspelling> meant = new(StringComparer.Ordinal);

    // The keys whose wrong kind is reported already: readers that each ask for the same key ('with' by the row's
    // reader and its variables' check) report it once.
    private readonly HashSet<string> wrongKind = new(StringComparer.Ordinal);

    /// <param name="hint">
    /// For an unknown key and its did-you-mean (or null): a fix of the caller's own and the key the unknown one was meant
    /// for (a row's <c>field:</c> belongs under <c>with:</c>), or null to keep the usual fix.
    /// </param>
    public YamlMap(YamlMappingNode node, string path, DiagnosticBag bag, IReadOnlyCollection<string> allowedKeys, string what, Func<string, string?, (string Fix, string? Meant)?>? hint = null)
    {
        Node = node;
        Path = path;
        Bag = bag;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } } scalar)
            {
                if (allowedKeys.Count > 0)
                {
                    var inner = Plain(key);
                    bag.Error(ErrorCodes.UnknownKey, path, key, $"Unknown key {Show(key)} in {what}", $"a key is a plain name, and {what} accepts {string.Join(", ", allowedKeys)}",
                        $"Write the key as a name, without brackets, braces or '?'.{(inner is null ? string.Empty : DidYouMean.Suffix(inner, allowedKeys))}");
                    UnknownKeys++;
                }

                continue;
            }

            if (allowedKeys.Count > 0 && scalar.Value.StartsWith("x-", StringComparison.Ordinal))
            {
                continue; // an extension key: ignored, a place for anchors (x-base: &base { ... })
            }

            if (allowedKeys.Count > 0 && !allowedKeys.Contains(scalar.Value))
            {
                var (fix, closest) = UnknownFix(scalar.Value, node, allowedKeys, hint);
                bag.Error(ErrorCodes.UnknownKey, path, scalar, $"Unknown key '{scalar.Value}' in {what}", $"{what} accepts {string.Join(", ", allowedKeys)}", fix);
                UnknownKeys++;
                if (closest is not null)
                {
                    meant.TryAdd(closest, new Misspelling(scalar.Value, bag.Items[^1]));
                }
                continue;
            }

            entries[scalar.Value] = (scalar, value);
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>How many keys were reported as unknown; a reader need not add "says nothing" on top of a typo.</summary>
    public int UnknownKeys { get; }

    public string Path { get; }

    public DiagnosticBag Bag { get; }

    public bool Has(string key) => entries.ContainsKey(key);

    /// <summary>True when an unknown key of this mapping was reported with <paramref name="key"/> as its did-you-mean.</summary>
    public bool Misspelt(string key) => meant.ContainsKey(key);

    /// <summary>The key written for <paramref name="key"/> and its unknown-key error when the mapping has no such key (<c>auht:</c> for <c>auth:</c>), else null.</summary>
    public Misspelling? MisspeltAs(string key) => Has(key) ? null : meant.GetValueOrDefault(key);

    public YamlNode? Get(string key) => entries.TryGetValue(key, out var e) ? e.Value : null;

    public SourceLocation Location(string key) =>
        entries.TryGetValue(key, out var e) ? DiagnosticBag.At(Path, e.Value) : DiagnosticBag.At(Path, Node);

    public string? String(string key, bool required = false, string? owner = null)
    {
        var node = Get(key);
        if (node is null || (required && node is YamlScalarNode { Value: null or "" }) || IsNull(node))
        {
            if (required && !(node is null && Misspelt(key)))
            {
                Bag.Error(ErrorCodes.MissingKey, Path, node ?? Node, $"Missing required key '{key}'{(owner is null ? string.Empty : $" in {owner}")}",
                    node is null ? "the format requires it" : "it is written with no value (empty, ~ or null)", node is null ? null : $"Write the value after '{key}:'.");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: var value })
        {
            return value;
        }

        Bag.Error(ErrorCodes.WrongNodeType, Path, node, $"'{key}' must be a single value", $"found a {Kind(node)}");
        return null;
    }

    public YamlMappingNode? Mapping(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null || IsNull(node))
        {
            if (required && !(node is null && Misspelt(key)))
            {
                Bag.Error(ErrorCodes.MissingKey, Path, node ?? Node, $"Missing required key '{key}'", node is null ? "the format requires it" : "it is written with no value (empty, ~ or null)", node is null ? null : $"Write the value after '{key}:'.");
            }

            return null;
        }

        if (node is YamlMappingNode map)
        {
            return map;
        }

        if (wrongKind.Add(key))
        {
            Bag.Error(ErrorCodes.WrongNodeType, Path, node, $"'{key}' must be a mapping (key: value lines)", $"found a {Kind(node)}",
                $"Write {key}: {{ name: value }}, or each 'name: value' on its own line indented below {key}:.");
        }

        return null;
    }

    /// <summary>The items of a list-valued key, none when it is absent; anything else is reported as <paramref name="mustBe"/>.</summary>
    public IReadOnlyList<YamlNode> Items(string key, string mustBe, string? fix = null)
    {
        switch (Get(key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return [.. sequence.Children];
            case var other:
                Bag.Error(ErrorCodes.WrongNodeType, Path, other, mustBe, $"found a {Kind(other)}", fix);
                return [];
        }
    }

    /// <summary>
    /// What YAML 1.1 read as a boolean (<c>y</c>, <c>yes</c>, <c>on</c>; <c>n</c>, <c>no</c>, <c>off</c>, any case): YAML 1.2,
    /// and this reader, take them as text, so <c>skip: no</c> is a reason; null for any other text.
    /// </summary>
    public static bool? Yaml11Boolean(string text) => text.ToUpperInvariant() switch
    {
        "Y" or "YES" or "ON" => true,
        "N" or "NO" or "OFF" => false,
        _ => null,
    };

    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var b))
        {
            return b;
        }

        // A 1 or 0 written for a switch is taken as meant the same way.
        var meant = (Yaml11Boolean(text) ?? text switch { "1" => true, "0" => false, _ => null }) is { } yes ? (yes ? "true" : "false") : null;
        var fix = meant is null
            ? $"Write {key}: true or {key}: false."
            : $"Write {key}: true or {key}: false ('{text}' is text in YAML 1.2, not a yes or no). Did you mean '{meant}'?";
        Bag.Error(ErrorCodes.InvalidValue, Location(key), $"'{key}' must be true or false", $"found '{text}'", fix);
        return null;
    }

    /// <summary>A number from 0 to <paramref name="max"/>; null when absent, or when wrong (reported: 1e400 too).</summary>
    /// <summary>A number from 0 to <paramref name="max"/>, and when <paramref name="least"/> is given, 0 or at least that; null when absent, or when wrong (reported).</summary>
    public double? Number(string key, double max, double least = 0)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0 && n <= max && (n == 0 || n >= least))
        {
            return n;
        }

        var range = least > 0 ? $"0 or a number from {least.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture)}" : "a number from 0";
        Bag.Error(ErrorCodes.InvalidValue, Location(key), $"'{key}' must be {range} to {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}", $"found '{text}'");
        return null;
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>; null when absent, or when wrong (reported).</summary>
    public int? WholeNumber(string key, int max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
        {
            return n;
        }

        Bag.Error(ErrorCodes.InvalidValue, Location(key), $"'{key}' must be a whole number from 1 to {max}", $"found '{text}'");
        return null;
    }

    /// <summary>
    /// The fix for an unknown key, and the key it was meant as (its did-you-mean; in a row, 'body' for a JSON Pointer
    /// and 'headers' for a header name (ETag, Retry-After) beside an empty 'headers:', the assertions a mis-indent left outside their block).
    /// </summary>
    private static (string Fix, string? Meant) UnknownFix(string key, YamlMappingNode node, IReadOnlyCollection<string> allowedKeys, Func<string, string?, (string Fix, string? Meant)?>? hint)
    {
        var row = allowedKeys.Contains("body") && allowedKeys.Contains("headers") && allowedKeys.Contains("expect");
        var closest = DidYouMean.Closest(key, allowedKeys);
        if (key == "<<")
        {
            return ("To merge another mapping's keys, write the merge key unquoted with a mapping or a list of mappings after it: <<: *base.", null);
        }

        if (row && key.StartsWith('/'))
        {
            return ($"A JSON Pointer key is a body assertion: indent it under 'body:' (body: {{ {key}: ... }}).", "body");
        }

        if (row && (char.IsUpper(key[0]) || key.Contains('-', StringComparison.Ordinal)) && node.Children.Any(e => e.Key is YamlScalarNode { Value: "headers" } && IsNull(e.Value)))
        {
            return ($"Below an empty 'headers:' it reads as a header assertion: indent it under 'headers:' (headers: {{ {key}: ... }}), or remove it.", "headers");
        }

        if (hint?.Invoke(key, closest) is { } own)
        {
            return own;
        }

        return ($"Remove or rename the key.{DidYouMean.Suffix(closest)}", closest);
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    /// <summary>A key as written, for a message: <c>'name'</c>, <c>[checkz]</c>, <c>{a: 1}</c>, or <c>an empty key</c>.</summary>
    private static string Show(YamlNode key) => key switch
    {
        YamlScalarNode { Value: null or "" } => "an empty key",
        YamlScalarNode s => $"'{s.Value}'",
        _ => Flow(key),
    };

    private static string Flow(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? string.Empty,
        YamlSequenceNode seq => $"[{string.Join(", ", seq.Children.Take(5).Select(Flow))}]",
        YamlMappingNode map => $"{{{string.Join(", ", map.Children.Take(5).Select(e => $"{Flow(e.Key)}: {Flow(e.Value)}"))}}}",
        _ => "?",
    };

    /// <summary>The name inside a key written as a one-item list (<c>[checkz]</c>), the likely intent.</summary>
    private static string? Plain(YamlNode key) => key is YamlSequenceNode { Children: [YamlScalarNode { Value: { Length: > 0 } name }] } ? name : null;

    public static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "single value",
    };
}

/// <summary>An unknown key (<see cref="Written"/>) read as a misspelling of a known one, and the error that reported it.</summary>
internal sealed record Misspelling(string Written, Diagnostic Error);
