namespace Conformance.Reporting;

/// <summary>
/// A pact interaction the suites verify as a case of its own, run or not: its provider and its case name
/// (<c>pact / {provider} / {description}</c>), which make its key in the scorecard (<see cref="CaseIdentity"/>). A pact
/// source's own case (a source that could not be read, sources that hold no interaction) is one too, of the provider
/// <see cref="SourceProvider"/>: its verdict is kept, so the next <c>--filter Category=last_failed</c> reruns it.
/// </summary>
public sealed record PactInteraction(string Provider, string Name)
{
    /// <summary>The provider (the Allure suite) of a pact source's case: <c>pact / nope.json (invalid)</c>, <c>pact / (no interactions)</c>.</summary>
    public const string SourceProvider = "(pact source)";

    /// <summary>True for a pact source's case rather than an interaction.</summary>
    public bool IsSource => Provider == SourceProvider;
}
