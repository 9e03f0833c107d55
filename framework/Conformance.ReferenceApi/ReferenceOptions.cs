namespace Conformance.ReferenceApi;

/// <summary>How to run the reference API: which faults to plant (ids from <see cref="ReferenceApi.Faults"/>).</summary>
public sealed record ReferenceOptions
{
    public IReadOnlySet<string> Faults { get; init; } = new HashSet<string>();

    /// <summary>How long <see cref="ReferenceApi.Faults.SlowResponse"/> holds each affected response.</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Every unknown fault id, in one message; null when all are known.</summary>
    internal string? Validate()
    {
        var unknown = Faults.Where(f => !ReferenceApi.Faults.All.Contains(f)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0 && SlowDelay >= TimeSpan.Zero)
        {
            return null;
        }

        var lines = unknown.Select(f => $"Unknown fault '{f}'.").ToList();
        if (SlowDelay < TimeSpan.Zero)
        {
            lines.Add($"SlowDelay must not be negative (was {SlowDelay}).");
        }

        lines.Add($"Known faults: {string.Join(", ", ReferenceApi.Faults.All)}.");
        return string.Join(Environment.NewLine, lines);
    }
}
