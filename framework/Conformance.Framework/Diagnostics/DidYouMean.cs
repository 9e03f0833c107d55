using Conformance.Schema.Loading;

namespace Conformance.Diagnostics;

/// <summary>
/// Suggests the closest known name for a misspelled one (the validator's Levenshtein suggester, shared), or, for a name
/// cut short (<c>status_code</c>, <c>www_authenticate</c>), the one known name it begins.
/// </summary>
public static class DidYouMean
{
    private const int ShortestPrefix = 4;

    public static string? Closest(string given, IEnumerable<string> known)
    {
        var names = known as IReadOnlyCollection<string> ?? [.. known];
        return Suggest.Closest(given, names) ?? Prefixed(given, names);
    }

    /// <summary>The only name that starts with <paramref name="given"/> (case ignored), when it is not too short to tell.</summary>
    private static string? Prefixed(string given, IEnumerable<string> known)
    {
        if (given.Length < ShortestPrefix)
        {
            return null;
        }

        var starting = known.Where(k => k.Length > given.Length && k.StartsWith(given, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return starting.Count == 1 ? starting[0] : null;
    }

    /// <summary>" Did you mean 'x'?" or an empty string.</summary>
    public static string Suffix(string given, IEnumerable<string> known) => Suffix(Closest(given, known));

    /// <summary>" Did you mean 'x'?" for a suggestion already found, or an empty string for none.</summary>
    public static string Suffix(string? best) => best is null ? string.Empty : $" Did you mean '{best}'?";
}
