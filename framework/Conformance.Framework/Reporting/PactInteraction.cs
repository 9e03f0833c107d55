namespace Conformance.Reporting;

/// <summary>
/// A pact interaction the suites verify as a case of its own, run or not: its provider and its case name
/// (<c>pact / {provider} / {description}</c>), which make its key in the scorecard (<see cref="CaseIdentity"/>).
/// </summary>
public sealed record PactInteraction(string Provider, string Name);
