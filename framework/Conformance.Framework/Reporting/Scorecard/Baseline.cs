namespace Conformance.Reporting.Scorecard;

/// <summary>The verdicts of the previous run's scorecard.json, the baseline of "Since the previous run".</summary>
/// <param name="Verdicts">Each case's verdict by its key.</param>
public sealed record Baseline(IReadOnlyDictionary<string, Verdict> Verdicts)
{
    /// <summary>
    /// True when the file was written by the version before, which kept verdicts by case name (no <c>verdictKeys</c>):
    /// they are matched by name where the name is complete (<see cref="OlderKeys"/>).
    /// </summary>
    public bool OlderKeys { get; init; }

    /// <summary>
    /// The keys whose failure was a known issue (<c>known:</c>, the run stayed green), or null when the file does not say
    /// (no <c>knownIssues</c>: written before it was kept).
    /// </summary>
    public IReadOnlySet<string>? KnownIssues { get; init; }
}
