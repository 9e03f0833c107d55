using System.Collections.Concurrent;
using System.Globalization;

namespace Conformance.Schema.Keywords;

/// <summary>
/// ECMA-262 Unicode property names (<c>\p{Letter}</c>, <c>\p{Script=Greek}</c>) as .NET names (<c>L</c>, <c>IsGreek</c>),
/// and the astral code points of a general category, which .NET's <c>\p{...}</c> (one UTF-16 unit) cannot match.
/// </summary>
internal static class UnicodeProperties
{
    // The general categories' short names, in UnicodeCategory's order.
    private static readonly string[] Codes =
    [
        "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc",
        "Cf", "Cs", "Co", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Cn",
    ];

    private static readonly Lazy<List<(int From, int To)>[]> AstralByCategory = new(ScanAstral);
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(int From, int To)>> AstralCache = new(StringComparer.Ordinal);

    public static string DotNetName(string name)
    {
        var value = name.Contains('=', StringComparison.Ordinal) ? name[(name.IndexOf('=', StringComparison.Ordinal) + 1)..] : name;
        return value switch
        {
            "Letter" => "L", "Lowercase_Letter" => "Ll", "Uppercase_Letter" => "Lu", "Titlecase_Letter" => "Lt",
            "Modifier_Letter" => "Lm", "Other_Letter" => "Lo", "Mark" or "Combining_Mark" => "M", "Nonspacing_Mark" => "Mn",
            "Spacing_Mark" => "Mc", "Enclosing_Mark" => "Me", "Number" => "N", "Decimal_Number" or "digit" => "Nd",
            "Letter_Number" => "Nl", "Other_Number" => "No", "Punctuation" or "punct" => "P", "Connector_Punctuation" => "Pc",
            "Dash_Punctuation" => "Pd", "Open_Punctuation" => "Ps", "Close_Punctuation" => "Pe", "Initial_Punctuation" => "Pi",
            "Final_Punctuation" => "Pf", "Other_Punctuation" => "Po", "Symbol" => "S", "Math_Symbol" => "Sm",
            "Currency_Symbol" => "Sc", "Modifier_Symbol" => "Sk", "Other_Symbol" => "So", "Separator" => "Z",
            "Space_Separator" => "Zs", "Line_Separator" => "Zl", "Paragraph_Separator" => "Zp", "Other" => "C",
            "Control" or "cntrl" => "Cc", "Format" => "Cf", "Private_Use" => "Co", "Surrogate" => "Cs", "Unassigned" => "Cn",
            _ when name.StartsWith("Script", StringComparison.Ordinal) || name.StartsWith("sc=", StringComparison.Ordinal) => "Is" + value,
            _ => value,
        };
    }

    /// <summary>
    /// The astral code points (U+10000 to U+10FFFF) of the .NET general category <paramref name="dotNetName"/> (<c>L</c>,
    /// <c>Lu</c>), as merged ranges; none for any other name (a .NET block such as <c>IsGreek</c> is BMP only).
    /// Computed once per name from <see cref="CharUnicodeInfo"/>, the data .NET's own <c>\p{...}</c> reads.
    /// </summary>
    public static IReadOnlyList<(int From, int To)> Astral(string dotNetName) =>
        AstralCache.GetOrAdd(dotNetName, name => CodePointRanges.Merge(Categories(name).SelectMany(c => AstralByCategory.Value[c])));

    /// <summary>Whether the .NET general category <paramref name="dotNetName"/> holds the surrogates (Cs, C).</summary>
    public static bool HasSurrogates(string dotNetName) => Categories(dotNetName).Contains((int)UnicodeCategory.Surrogate);

    private static IEnumerable<int> Categories(string name) =>
        Enumerable.Range(0, Codes.Length).Where(i => Codes[i] == name || (name.Length == 1 && Codes[i][0] == name[0]));

    private static List<(int From, int To)>[] ScanAstral()
    {
        var ranges = Codes.Select(_ => new List<(int From, int To)>()).ToArray();
        for (var codePoint = 0x10000; codePoint <= 0x10FFFF; codePoint++)
        {
            var list = ranges[(int)CharUnicodeInfo.GetUnicodeCategory(codePoint)];
            if (list.Count > 0 && list[^1].To == codePoint - 1)
            {
                list[^1] = (list[^1].From, codePoint);
            }
            else
            {
                list.Add((codePoint, codePoint));
            }
        }

        return ranges;
    }
}
