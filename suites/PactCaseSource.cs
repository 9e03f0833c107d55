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
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, interaction) in LazyListed.Value)
        {
            var name = interaction.Name;
            if (!key.Publish && !names.Add(name))
            {
                name = $"{name} [{names.Count}]";
                names.Add(name);
            }

            var data = CaseNames.Case(key, name, Named);
            foreach (var category in Tables.CaseCategories.Of(interaction, SuiteContext.LastFailed))
            {
                data.SetCategory(category);
            }

            yield return data;
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

    /// <summary>
    /// The interactions of the configured pact sources (and each broker provider's publish case), run or not, as their
    /// results name them; null without a pact source. The run's scorecard keeps the verdicts of those a filtered run left
    /// out, and without a pact source those of every interaction (it cannot tell which the pacts hold).
    /// </summary>
    public static IReadOnlyList<Reporting.PactInteraction>? Interactions() =>
        SuiteContext.PactSettings.Configured ? [.. LazyListed.Value.Select(c => c.Interaction)] : null;

    /// <summary>Each interaction case of the pact sources, listed (and its name masked) once at discovery for the cases and the run's scorecard.</summary>
    private static readonly Lazy<IReadOnlyList<(PactCaseKey Key, Reporting.PactInteraction Interaction)>> LazyListed = new(() => [.. Listed(SuiteContext.PactSettings)]);

    /// <summary>Each interaction case of the pact sources, with its name as its result has it (secrets masked).</summary>
    private static IEnumerable<(PactCaseKey Key, Reporting.PactInteraction Interaction)> Listed(PactSettings settings)
    {
        var redactor = NameRedactor(settings);
        foreach (var target in SuiteContext.PactSources.Targets)
        {
            foreach (var description in target.Descriptions.Distinct(StringComparer.Ordinal))
            {
                // Exported descriptions are case names that already start with the api: do not say it twice.
                // The name comes from the pact (a broker serves it): it reaches the console, TRX, JUnit and CI annotations as is.
                yield return (new PactCaseKey(target.Provider, description, null), new(target.Provider, redactor.Text(PactCaseKey.Name(target.Provider, description))));
            }

            if (settings.Publish is not null && target.Source is Pact.PactBrokerSource)
            {
                // Whether the results reached the broker: a case of its own, so the interactions keep their verdicts (PactPublishCase).
                yield return (new PactCaseKey(target.Provider, PactPublishCase.Description, null) { Publish = true },
                    new(target.Provider, redactor.Text(PactCaseKey.Name(target.Provider, PactPublishCase.Description))));
            }
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
