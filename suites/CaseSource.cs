using System.Globalization;
using Conformance.Contracts;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Suites;

/// <summary>
/// Yields one NUnit case per table row of every pack, named <c>{api} / {operation} / {scenario} -> {status}</c>, and one
/// failing case per invalid entry, named <c>{file}:{line} (invalid)</c>, and one per unknown setting (CT0305); what failed or
/// broke in the previous run is also in the category <c>last_failed</c>, and a previous scorecard.json that cannot be read is
/// one warning case. Loading never throws into discovery.
/// </summary>
public static class CaseSource
{
    public static IEnumerable<TestCaseData> Cases()
    {
        var contracts = SuiteContext.Contracts;
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in contracts.Rows)
        {
            var name = Unique(row.CaseName, row.Id, names);
            var data = CaseNames.Case(new CaseKey(row.Api, row.Id, null), name, Named);
            foreach (var category in CaseCategories.Of(row, SuiteContext.LastFailed))
            {
                data.SetCategory(category);
            }

            data.SetProperty("Location", row.Location.ToString());
            yield return data;
        }

        foreach (var entry in contracts.Invalid)
        {
            var data = Invalid(entry, names);
            if (entry.Kind == "setting")
            {
                // No pack loaded (the contracts folder is missing or empty): the case joins the shipped APIs' categories,
                // so `--filter Category=notes` shows it instead of running zero tests.
                Array.ForEach(ShippedApis(), api => data.SetCategory(api));
                data.SetCategory("settings");
            }

            yield return data;
        }

        // A setting's case also joins the categories of the packs it is about, so that `--filter Category=notes` still
        // shows a misspelt CONFORMANCE_NOTES_* variable (CT0305) instead of probing the reference API unnoticed.
        var packNames = contracts.Packs.Select(p => p.Name).ToList();
        foreach (var entry in SuiteContext.SettingEntries)
        {
            var data = Invalid(entry, names);
            foreach (var api in SettingNames.Apis(entry.Location, packNames))
            {
                data.SetCategory(api);
            }

            yield return data;
        }

        // The previous run's scorecard.json is there but could not be read: one warning case (the run stays green), in the
        // category it could not fill, so `--filter Category=last_failed` shows why it selects nothing.
        if (SuiteContext.LastFailed.Problem is { } problem)
        {
            yield return new TestCaseData(new CaseKey("scorecard", null, null) { Warning = problem })
                .SetName(PreviousScorecardCase).SetCategory(Reporting.Scorecard.LastFailed.Category);
        }
    }

    /// <summary>The name of the warning case for a previous scorecard.json that could not be read.</summary>
    public const string PreviousScorecardCase = "scorecard.json of the previous run (not read)";

    private static TestCaseData Invalid(InvalidEntry entry, Dictionary<string, int> names)
    {
        var name = Unique(entry.CaseName, entry.Location.Column.ToString(CultureInfo.InvariantCulture), names);
        var data = CaseNames.Case(new CaseKey(entry.Api, null, entry), name, Named);
        foreach (var category in CaseCategories.Of(entry, SuiteContext.LastFailed))
        {
            data.SetCategory(category);
        }

        return data;
    }

    private static string[] ShippedApis()
    {
        try
        {
            var contracts = Path.Combine(Engine.RepoPaths.Root(), "contracts");
            return Directory.Exists(contracts) ? [.. Directory.EnumerateDirectories(contracts).Select(d => Path.GetFileName(d)!)] : [];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    private static CaseKey Named(CaseKey key, string name) => key with { Text = name };

    private static string Unique(string name, string discriminator, Dictionary<string, int> seen)
    {
        if (seen.TryAdd(name, 1))
        {
            return name;
        }

        seen[name]++;
        return $"{name} [{discriminator}]";
    }
}

/// <summary>Identifies a case without carrying argument values into its name.</summary>
public sealed record CaseKey(string Api, string? RowId, InvalidEntry? Invalid)
{
    /// <summary>The case's name where NUnit takes it from the argument (<see cref="CaseNames"/>), else null.</summary>
    public string? Text { get; init; }

    /// <summary>Set for a case that only warns (a previous scorecard.json that could not be read): its message.</summary>
    public string? Warning { get; init; }

    public override string ToString() => Text ?? RowId ?? Invalid?.CaseName ?? Api;
}
