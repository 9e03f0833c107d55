namespace Conformance.Schema.Formats;

/// <summary>The format checkers used in assertion mode.</summary>
internal static class FormatCheckers
{
    public static Func<string, bool>? Find(string format, Dialect dialect)
    {
        _ = dialect;
        return format switch
        {
            _ => null,
        };
    }
}
