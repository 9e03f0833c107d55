using Conformance.Schema.Loading;

namespace Conformance.Diagnostics;

/// <summary>Suggests the closest known name for a misspelled one (the validator's Levenshtein suggester, shared).</summary>
public static class DidYouMean
{
    public static string? Closest(string given, IEnumerable<string> known) => Suggest.Closest(given, known);

    /// <summary>" Did you mean 'x'?" or an empty string.</summary>
    public static string Suffix(string given, IEnumerable<string> known) => Suffix(Closest(given, known));

    /// <summary>" Did you mean 'x'?" for a suggestion already found, or an empty string for none.</summary>
    public static string Suffix(string? best) => best is null ? string.Empty : $" Did you mean '{best}'?";
}
