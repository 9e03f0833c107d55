namespace Conformance.Schema.Tests.Suite;

/// <summary>known-failures.txt: one "case name -- reason" per line; '#' starts a comment line.</summary>
internal static class KnownFailures
{
    private static readonly Lazy<Dictionary<string, string>> Entries = new(Load);

    public static bool TryGet(string name, out string reason) => Entries.Value.TryGetValue(name, out reason!);

    private static Dictionary<string, string> Load()
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(AppContext.BaseDirectory, "known-failures.txt");
        if (!File.Exists(path))
        {
            return entries;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var separator = line.LastIndexOf(" -- ", StringComparison.Ordinal);
            entries[separator < 0 ? line.Trim() : line[..separator].Trim()] = separator < 0 ? "no reason given" : line[(separator + 4)..].Trim();
        }

        return entries;
    }
}
