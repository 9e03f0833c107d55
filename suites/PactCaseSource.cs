namespace Conformance.Suites;

/// <summary>
/// One NUnit case per pact interaction, named <c>pact / {provider} / {description}</c>; a broken or missing pact
/// source is one failing case saying what to fix, and so are sources that hold no interaction (each with a verdict in the
/// scorecard, so the next <c>--filter Category=last_failed</c> reruns it); with no pact source configured there are no cases.
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

        foreach (var (key, source) in LazySources.Value)
        {
            var data = CaseNames.Case(key, source.Name, Named);
            foreach (var category in Tables.CaseCategories.Of(source, SuiteContext.LastFailed))
            {
                data.SetCategory(category);
            }

            yield return key.Description == NoInteractions ? data : data.SetCategory("invalid");
        }
    }

    /// <summary>
    /// The interactions of the configured pact sources (and each broker provider's publish case) and the sources' own cases,
    /// run or not, as their results name them; null without a pact source. The run's scorecard keeps the verdicts of those
    /// a filtered run left out, and without a pact source those of every interaction (it cannot tell which the pacts hold).
    /// </summary>
    public static IReadOnlyList<Reporting.PactInteraction>? Interactions() =>
        SuiteContext.PactSettings.Configured ? [.. LazyListed.Value.Select(c => c.Interaction), .. LazySources.Value.Select(c => c.Source)] : null;

    private const string NoInteractions = "pact / (no interactions)";

    /// <summary>Each interaction case of the pact sources, listed (and its name masked) once at discovery for the cases and the run's scorecard.</summary>
    private static readonly Lazy<IReadOnlyList<(PactCaseKey Key, Reporting.PactInteraction Interaction)>> LazyListed = new(() => [.. Listed(SuiteContext.PactSettings)]);

    /// <summary>Each pact source's own case (one that could not be read; none holding an interaction), listed once likewise.</summary>
    private static readonly Lazy<IReadOnlyList<(PactCaseKey Key, Reporting.PactInteraction Source)>> LazySources = new(() => [.. Sources(SuiteContext.PactSettings)]);

    private static IEnumerable<(PactCaseKey Key, Reporting.PactInteraction Source)> Sources(PactSettings settings)
    {
        const string Provider = Reporting.PactInteraction.SourceProvider;
        var redactor = NameRedactor(settings);
        var (targets, problems) = SuiteContext.PactSources;
        foreach (var problem in problems)
        {
            var name = redactor.Text(problem.Name);
            yield return (new PactCaseKey(Provider, name, problem.Message), new(Provider, name));
        }

        if (targets.Count == 0 && problems.Count == 0)
        {
            yield return (new PactCaseKey(Provider, NoInteractions, "The configured pact sources hold no interaction. Fix: check pact.folder / pact.files, or the broker selectors and pact.provider."),
                new(Provider, NoInteractions));
        }
    }

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

/// <summary>
/// Identifies a pact case; <see cref="Problem"/> is set for a pact source's own case (a source that could not be read, or
/// none holding an interaction), whose provider is <see cref="Reporting.PactInteraction.SourceProvider"/> and whose
/// description is its case name.
/// </summary>
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
