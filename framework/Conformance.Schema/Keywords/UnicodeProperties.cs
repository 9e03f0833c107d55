using System.Collections.Concurrent;
using System.Globalization;

namespace Conformance.Schema.Keywords;

/// <summary>
/// ECMA-262 Unicode property escapes (<c>\p{Letter}</c>, <c>\p{Script=Greek}</c>, <c>\p{Alphabetic}</c>) as sets:
/// General_Category values as .NET's <c>\p{...}</c> (<see cref="CharUnicodeInfo"/>'s data) with their astral code points
/// scanned from the same data, which .NET's <c>\p{...}</c> (one UTF-16 unit) cannot match; Script, Script_Extensions and
/// binary properties from <see cref="UnicodePropertyData"/>.
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
    private static readonly ConcurrentDictionary<(string, bool), EscapeSet> CategorySets = new();

    /// <summary>
    /// The set of <c>\p{<paramref name="body"/>}</c> (<c>\P</c> when <paramref name="negated"/>); an unknown name throws
    /// <see cref="ArgumentException"/> naming it, with the closest valid one when there is one.
    /// </summary>
    public static EscapeSet Set(string body, bool negated)
    {
        var (kind, name) = UnicodePropertyNames.Resolve(body);
        return kind == UnicodePropertyData.Category
            ? CategorySets.GetOrAdd((name, negated), key => CategorySet(key.Item1, key.Item2))
            : UnicodePropertyData.Ranges(kind, name).Set(negated);
    }

    /// <summary>
    /// A general category (short name: <c>L</c>, <c>Lu</c>, <c>LC</c>): .NET's <c>\p{L}</c> or <c>\P{L}</c> for a name
    /// .NET knows, else (LC) the union of its categories' <c>\p{...}</c> or of all the others'.
    /// </summary>
    private static EscapeSet CategorySet(string code, bool negated)
    {
        var members = Categories(code).ToHashSet();
        int[] included = [.. Enumerable.Range(0, Codes.Length).Where(c => members.Contains(c) != negated)];
        var bmp = code == "LC" ? string.Concat(included.Select(c => $"\\p{{{Codes[c]}}}")) : $"\\{(negated ? 'P' : 'p')}{{{code}}}";
        return EscapeSet.Of(
            bmp,
            () => AstralCache.GetOrAdd((negated ? "^" : "") + code, _ => CodePointRanges.Merge(included.SelectMany(c => AstralByCategory.Value[c]))),
            included.Contains((int)UnicodeCategory.Surrogate));
    }

    private static IEnumerable<int> Categories(string code) => code == "LC"
        ? [(int)UnicodeCategory.UppercaseLetter, (int)UnicodeCategory.LowercaseLetter, (int)UnicodeCategory.TitlecaseLetter]
        : Enumerable.Range(0, Codes.Length).Where(i => Codes[i] == code || (code.Length == 1 && Codes[i][0] == code[0]));

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
