using System.Globalization;
using Conformance.Schema.Json;
using System.Text.RegularExpressions;

namespace Conformance.Import;

/// <summary>
/// Numbers as the document writes them, compared exactly: a bound such as <c>exclusiveMinimum: 1e-400</c> lies beyond a
/// double's and a decimal's range (both read it as 0, so 0 passed for <c>minimum: 1e-400</c>), and one with more digits
/// than a decimal keeps is rounded. A drafted sample is held to the text instead, read as the validator reads numbers
/// (<see cref="ExactNumber"/>).
/// </summary>
internal static partial class NumberText
{
    /// <summary>True when <paramref name="value"/> meets each bound given as a JSON number text (a text that is none is left out).</summary>
    public static bool Within(decimal value, string? minimum, string? exclusiveMinimum, string? maximum, string? exclusiveMaximum) =>
        Within(value.ToString(CultureInfo.InvariantCulture), minimum, exclusiveMinimum, maximum, exclusiveMaximum);

    /// <summary>True when the number text <paramref name="text"/> meets each bound given as a JSON number text.</summary>
    public static bool Within(string text, string? minimum, string? exclusiveMinimum, string? maximum, string? exclusiveMaximum) =>
        Meets(text, minimum, c => c >= 0) && Meets(text, exclusiveMinimum, c => c > 0) && Meets(text, maximum, c => c <= 0) && Meets(text, exclusiveMaximum, c => c < 0);

    /// <summary>The sign of <paramref name="a"/> - <paramref name="b"/>, two JSON number texts, exactly (<c>1e-400</c> is above 0).</summary>
    public static int Compare(string a, string b) => Math.Sign(ExactNumber.Parse(a).CompareTo(ExactNumber.Parse(b)));

    /// <summary>True for a JSON number's text (with a leading '+' or '.' as YAML may write it).</summary>
    public static bool IsNumber(string? text) => text is not null && Number().IsMatch(text);

    /// <summary>The value a decimal prints without trailing zeros (0.5000000000000000000000000000 as 0.5).</summary>
    public static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    private static bool Meets(string value, string? bound, Func<int, bool> order) => !IsNumber(bound) || order(Compare(value, bound!));

    [GeneratedRegex(@"^\s*[-+]?(?=\.?\d)\d*(?:\.\d*)?(?:[eE][-+]?\d+)?\s*$")]
    private static partial Regex Number();
}
