namespace Conformance.Schema.Keywords;

/// <summary>
/// The code points of a set escape (\d, \D, \p{...}, \P{...}): its BMP members as the body of a .NET class, its astral
/// members and its surrogate code points as merged ranges, read only when a translation needs them (text without
/// surrogates never does, so a general category's astral scan is put off until a pair is met).
/// </summary>
internal sealed class EscapeSet(string bmp, Func<IReadOnlyList<(int From, int To)>> astral, Func<IReadOnlyList<(int From, int To)>> lone)
{
    private static readonly IReadOnlyList<(int From, int To)> None = [];
    private static readonly IReadOnlyList<(int From, int To)> AllAstral = [(0x10000, 0x10FFFF)];
    private static readonly IReadOnlyList<(int From, int To)> AllSurrogates = [(0xD800, 0xDFFF)];

    /// <summary>The body of a .NET class for the BMP members (may hold surrogates, which every translation sets apart).</summary>
    public string Bmp => bmp;

    /// <summary>The members from U+10000 to U+10FFFF.</summary>
    public IReadOnlyList<(int From, int To)> Astral => astral();

    /// <summary>The members from U+D800 to U+DFFF, which text holds only as lone surrogates.</summary>
    public IReadOnlyList<(int From, int To)> Lone => lone();

    /// <summary>A set of BMP characters only (\d, \w, \s).</summary>
    public static EscapeSet BmpOnly(string bmp) => new(bmp, () => None, () => None);

    /// <summary>A set holding every astral code point and every surrogate besides <paramref name="bmp"/> (\D, \W, \S).</summary>
    public static EscapeSet WithAllBeyondBmp(string bmp) => new(bmp, () => AllAstral, () => AllSurrogates);

    /// <summary>The set of merged <paramref name="ranges"/> (any code points), its astral and surrogate parts computed now.</summary>
    public static EscapeSet Of(List<(int From, int To)> ranges)
    {
        var body = new System.Text.StringBuilder();
        foreach (var (from, to) in CodePointRanges.Within(ranges, 0, 0xD7FF).Concat(CodePointRanges.Within(ranges, 0xE000, 0xFFFF)))
        {
            body.Append(EcmaPattern.Literal(from)).Append(to > from ? "-" + EcmaPattern.Literal(to) : "");
        }

        IReadOnlyList<(int From, int To)> astral = CodePointRanges.Within(ranges, 0x10000, 0x10FFFF);
        IReadOnlyList<(int From, int To)> lone = CodePointRanges.Within(ranges, 0xD800, 0xDFFF);
        return new(body.ToString(), () => astral, () => lone);
    }

    /// <summary>A set whose members are those of categories: a surrogate when <paramref name="surrogates"/>.</summary>
    public static EscapeSet Of(string bmp, Func<IReadOnlyList<(int From, int To)>> astral, bool surrogates) =>
        new(bmp, astral, () => surrogates ? AllSurrogates : None);
}
