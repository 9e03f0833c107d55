namespace Conformance.Schema.Keywords;

/// <summary>
/// ECMA-262's UnicodeMatchProperty and UnicodeMatchPropertyValue (u flag): <c>name=value</c> for General_Category (gc),
/// Script (sc) and Script_Extensions (scx); a lone name for a General_Category value or a binary property. Names and
/// values are case-sensitive and take the aliases UnicodeProperties.txt lists, nothing looser (<c>\p{Greek}</c> and
/// <c>\p{Script=greek}</c> are invalid).
/// </summary>
internal static class UnicodePropertyNames
{
    private static readonly string[] PropertyNames = ["General_Category", "gc", "Script", "sc", "Script_Extensions", "scx"];

    /// <summary>The kind (gc, binary, sc, scx) and first name of <c>\p{<paramref name="body"/>}</c>'s property or value.</summary>
    /// <exception cref="ArgumentException">No such property: the message names it and the closest valid one.</exception>
    public static (string Kind, string Name) Resolve(string body)
    {
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return Found(UnicodePropertyData.Category, body) ?? Found(UnicodePropertyData.Binary, body) ?? throw Unknown(body, LoneSuggestion(body));
        }

        var (name, value) = (body[..equals], body[(equals + 1)..]);
        var kind = KindOf(name);
        if (kind is not null && Found(kind, value) is { } found)
        {
            return found;
        }

        throw Unknown(body, kind is not null
            ? Closest(value, UnicodePropertyData.Names(kind)) is { } closest ? $"{name}={closest}" : null
            : Closest(name, UnicodePropertyData.Names(UnicodePropertyData.Binary)) ?? (Closest(name, PropertyNames) is { } property ? $"{property}={value}" : null));
    }

    private static string? KindOf(string name) => name switch
    {
        "General_Category" or "gc" => UnicodePropertyData.Category,
        "Script" or "sc" => UnicodePropertyData.Script,
        "Script_Extensions" or "scx" => UnicodePropertyData.ScriptExtensions,
        _ => null,
    };

    private static (string Kind, string Name)? Found(string kind, string name) =>
        UnicodePropertyData.Canonical(kind, name) is { } canonical ? (kind, canonical) : null;

    /// <summary>For a lone name: <c>Script=</c> before a script's name, else the closest category, binary property or script.</summary>
    private static string? LoneSuggestion(string body) =>
        UnicodePropertyData.Canonical(UnicodePropertyData.Script, body) is not null ? "Script=" + body
        : Closest(body, UnicodePropertyData.Names(UnicodePropertyData.Category).Concat(UnicodePropertyData.Names(UnicodePropertyData.Binary)))
            ?? (Closest(body, UnicodePropertyData.Names(UnicodePropertyData.Script)) is { } script ? "Script=" + script : null);

    private static ArgumentException Unknown(string body, string? suggestion) =>
        new($"unknown Unicode property \"{body}\"" + (suggestion is null ? "" : $" (did you mean \"{suggestion}\"?)"));

    /// <summary>The candidate equal to <paramref name="word"/> but for case, else the one fewest edits away (a quarter of its length at most, 1 at least).</summary>
    private static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        if (word.Length == 0)
        {
            return best;
        }

        var bestDistance = Math.Max(1, word.Length / 4) + 1;
        foreach (var candidate in candidates)
        {
            var distance = string.Equals(word, candidate, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(word, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance, ignoring case.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (same ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
