namespace Conformance.Suites;

/// <summary>
/// One NUnit case per pact interaction, named <c>pact / {provider} / {description}</c>; a broken or missing pact
/// source is one failing case saying what to fix; with no pact source configured there are no cases.
/// </summary>
public static class PactCaseSource
{
    public static IEnumerable<TestCaseData> Cases()
    {
        var settings = SuiteContext.PactSettings;
        if (!settings.Configured)
        {
            // No pact source: no cases (pacts are opt-in; docs/pact.md). A placeholder would show as a skipped test.
            yield break;
        }

        var (targets, problems) = SuiteContext.PactSources;
        var redactor = NameRedactor(settings);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            foreach (var description in target.Descriptions.Distinct(StringComparer.Ordinal))
            {
                // Exported descriptions are case names that already start with the api: do not say it twice.
                // The name comes from the pact (a broker serves it): it reaches the console, TRX, JUnit and CI annotations as is.
                var name = redactor.Text(PactCaseKey.Name(target.Provider, description));
                var unique = names.Add(name) ? name : $"{name} [{names.Count}]";
                names.Add(unique);
                yield return CaseNames.Case(new PactCaseKey(target.Provider, description, null), unique, Named).SetCategory("pact").SetCategory(target.Provider);
            }

            if (settings.Publish is not null && target.Source is Pact.PactBrokerSource)
            {
                // Whether the results reached the broker: a case of its own, so the interactions keep their verdicts (PactPublishCase).
                var name = redactor.Text(PactCaseKey.Name(target.Provider, PactPublishCase.Description));
                yield return CaseNames.Case(new PactCaseKey(target.Provider, PactPublishCase.Description, null) { Publish = true }, name, Named).SetCategory("pact").SetCategory(target.Provider);
            }
        }

        foreach (var problem in problems)
        {
            yield return CaseNames.Case(new PactCaseKey("-", null, problem.Message), problem.Name, Named).SetCategory("pact").SetCategory("invalid");
        }

        if (targets.Count == 0 && problems.Count == 0)
        {
            yield return new TestCaseData(new PactCaseKey("-", null, "The configured pact sources hold no interaction. Fix: check pact.folder / pact.files, or the broker selectors and pact.provider."))
                .SetName("pact / (no interactions)").SetCategory("pact");
        }
    }

    private static PactCaseKey Named(PactCaseKey key, string name) => key with { Text = name };

    /// <summary>
    /// The secrets a case name must not show, known before the run exists (discovery comes first): the broker's token and
    /// the user info of its URL, and each pack's token and secret settings.
    /// </summary>
    private static Reporting.Redactor NameRedactor(PactSettings settings) => new(
        [
            .. settings.BrokerSecrets,
            .. SuiteContext.Contracts.Packs.SelectMany(p => Targets.SecretSettings.Keys.Select(key => SuiteContext.Settings.Get(p.Name, key)?.Trim())),
        ],
        []);
}

/// <summary>Identifies a pact case; <see cref="Problem"/> is set for a source that could not be read.</summary>
public sealed record PactCaseKey(string Provider, string? Description, string? Problem)
{
    /// <summary>True for the case that says whether the verification results reached the broker (<see cref="PactPublishCase"/>).</summary>
    public bool Publish { get; init; }

    /// <summary>The case's name where NUnit takes it from the argument (<see cref="CaseNames"/>), else null.</summary>
    public string? Text { get; init; }

    public override string ToString() => Text ?? Description ?? Provider;

    /// <summary><c>pact / {provider} / {description}</c>; exported descriptions already start with the api, so it is not said twice.</summary>
    public static string Name(string provider, string description) =>
        description.StartsWith(provider + " / ", StringComparison.Ordinal) ? $"pact / {description}" : $"pact / {provider} / {description}";
}
