namespace Conformance.Import;

/// <summary>The path parameters of a drafted operation: one value for each <c>{name}</c> of its path, in the path's order.</summary>
internal static class DraftPaths
{
    /// <summary>
    /// The path's values as a pack needs them: one for each <c>{name}</c> of the path (one the document does not declare
    /// drafted as "1", with a note), none for a declared path parameter the path does not name (a pack refuses it, CT0102).
    /// </summary>
    public static Dictionary<string, string> Values(Dictionary<string, string> declared, string path, string id, List<string> notes)
    {
        var named = System.Text.RegularExpressions.Regex.Matches(path, @"\{([^{}/]+)\}").Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var values = declared.Where(kv => named.Contains(kv.Key, StringComparer.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var stray in declared.Keys.Where(k => !named.Contains(k, StringComparer.Ordinal)))
        {
            notes.Add($"{id}: path parameter '{stray}' is declared but {path} does not name it; left out of params.");
        }

        foreach (var missing in named.Where(n => !values.ContainsKey(n)))
        {
            values[missing] = "1";
            notes.Add($"{id}: {path} names {{{missing}}}, which the document does not declare as a path parameter; drafted as \"1\": check it.");
        }

        return values;
    }

    /// <summary>Path parameters in the order the path names them (unknown_id replaces the last one, the resource's own id).</summary>
    public static Dictionary<string, string> InPathOrder(Dictionary<string, string> values, string path) =>
        values.OrderBy(kv => path.IndexOf("{" + kv.Key + "}", StringComparison.Ordinal) is var at and >= 0 ? at : int.MaxValue)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
