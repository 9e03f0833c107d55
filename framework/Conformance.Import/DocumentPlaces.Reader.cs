using System.Globalization;
using System.Text;
using Conformance.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Conformance.Import;

/// <summary>
/// Places for the OpenAPI reader's errors that carry no JSON Pointer: the key an unknown property is at, the line and
/// column of a JSON syntax error, the one node holding a value the reader could not convert or a number too large for
/// it, the version's value.
/// </summary>
internal sealed partial class DocumentPlaces
{
    /// <summary>Keys whose values the reader reads as a 32-bit count.</summary>
    private static readonly HashSet<string> Counts = new(StringComparer.Ordinal) { "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" };

    /// <summary>Keys whose values the reader reads as an unsigned 32-bit count (OpenAPI 3.1).</summary>
    private static readonly HashSet<string> UnsignedCounts = new(StringComparer.Ordinal) { "minContains", "maxContains" };

    /// <summary>
    /// The key <paramref name="key"/> of the node <paramref name="pointer"/> names (a list's items searched where the
    /// reader left out the index, or the pointer ends at the list, a <c>$ref</c> item at its target); null when no such
    /// node has that key.
    /// </summary>
    public SourceLocation? Key(string pointer, string key) =>
        pointer.StartsWith("#/", StringComparison.Ordinal)
            ? Reached(Root(), Tables.JsonPointer.Tokens(pointer.TrimStart('#')), 0)
                .SelectMany(n => n is YamlSequenceNode list ? list.Children.Select(Resolve) : [n])
                .OfType<YamlMappingNode>()
                .SelectMany(m => m.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value == key))
                .Select(k => (SourceLocation?)Location(k))
                .FirstOrDefault()
            : null;

    /// <summary>
    /// Line <paramref name="line"/> (from 0) at byte <paramref name="bytes"/> (from 0), as a JSON reader counts them, as
    /// a line and a character column from 1.
    /// </summary>
    public SourceLocation LineAndByte(int line, int bytes)
    {
        var lines = Lines();
        var text = line < lines.Length ? Encoding.UTF8.GetBytes(lines[line]) : [];
        var column = bytes <= text.Length ? Encoding.UTF8.GetCharCount(text, 0, bytes) : bytes;
        return new SourceLocation(displayPath, line + 1, column + 1);
    }

    /// <summary>The value of the document's <c>openapi</c> (else <c>swagger</c>) field.</summary>
    public SourceLocation? Version() =>
        (Child(Root(), "openapi") ?? Child(Root(), "swagger")) is { } version ? Location(version) : null;

    /// <summary>The places of the values (not keys) whose text is <paramref name="text"/>.</summary>
    public IReadOnlyList<SourceLocation> Values(string text) => [.. Scalars(Root(), null).Where(s => s.Node.Value == text).Select(s => Location(s.Node))];

    /// <summary>
    /// The places of the numbers too large for the type the reader reads them as, which its <paramref name="message"/>
    /// names: a count (<c>minLength</c>, <c>maxItems</c>...) beyond 32 bits (<c>99999999999</c>, <c>1e20</c>), a 3.1
    /// <c>minContains</c> or <c>maxContains</c> beyond an unsigned one (also below 0), a <c>multipleOf</c> beyond a
    /// decimal (<c>1e400</c>).
    /// </summary>
    public IReadOnlyList<SourceLocation> TooLarge(string message)
    {
        var type = message.Contains("UInt32", StringComparison.Ordinal) ? "UInt32" : message.Contains("Int32", StringComparison.Ordinal) ? "Int32"
            : message.Contains("Decimal", StringComparison.Ordinal) ? "Decimal" : null;
        return [.. Scalars(Root(), null).Where(s => s.Key is { } key && s.Node.Value is { } text
            && ((type is null or "Int32" && Counts.Contains(key) && Beyond(text, int.MinValue, int.MaxValue))
                || (type is null or "UInt32" && UnsignedCounts.Contains(key) && Beyond(text, uint.MinValue, uint.MaxValue))
                || (type is null or "Decimal" && key == "multipleOf" && BeyondDecimal(text)))).Select(s => Location(s.Node))];
    }

    private static bool Beyond(string text, long min, long max) =>
        System.Numerics.BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole < min || whole > max
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && (number > max || number < min);

    private static bool BeyondDecimal(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>Every node <paramref name="tokens"/> lead to from <paramref name="node"/>, through each item of a list whose index the pointer leaves out.</summary>
    private static IEnumerable<YamlNode> Reached(YamlNode? node, IReadOnlyList<string> tokens, int at)
    {
        if (node is null)
        {
            return [];
        }

        if (at == tokens.Count)
        {
            return [node];
        }

        return Step(node, tokens[at]) is { } next ? Reached(next, tokens, at + 1)
            : node is YamlSequenceNode list && !int.TryParse(tokens[at], out _) ? list.Children.SelectMany(item => Reached(item, tokens, at))
            : [];
    }

    /// <summary>The scalar values under <paramref name="node"/>, each with the key it is the value of (null for a list's item).</summary>
    private static IEnumerable<(string? Key, YamlScalarNode Node)> Scalars(YamlNode? node, string? key) => node switch
    {
        YamlScalarNode scalar => [(key, scalar)],
        YamlMappingNode map => map.Children.SelectMany(c => Scalars(c.Value, (c.Key as YamlScalarNode)?.Value)),
        YamlSequenceNode list => list.Children.SelectMany(c => Scalars(c, null)),
        _ => [],
    };

    private string[] Lines()
    {
        try
        {
            return File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
