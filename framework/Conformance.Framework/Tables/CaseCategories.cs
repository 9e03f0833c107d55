using Conformance.Reporting.Scorecard;

namespace Conformance.Tables;

/// <summary>
/// The NUnit categories a case gets at discovery (<c>--filter Category=...</c>): a row's api, scenario, status classes,
/// the checks that judge it, <c>known</c>, <c>last_failed</c> and its own tags; an invalid entry's api, <c>invalid</c> and
/// <c>last_failed</c>; a pact interaction's <c>pact</c>, provider and <c>last_failed</c> (a pact source's case: <c>pact</c>
/// and <c>last_failed</c>). A pack tag may not take a built-in
/// one (CT0122, <see cref="TagsReader"/>).
/// </summary>
public static class CaseCategories
{
    public static IEnumerable<string> Of(StatusRow row, LastFailed previous)
    {
        yield return row.Api;
        yield return row.ScenarioId;
        foreach (var statusClass in row.Expected.Select(s => $"{s / 100}xx").Distinct())
        {
            yield return statusClass;
        }

        yield return "status_code_conformance";
        if (row.Body.Count > 0 || row.EmptyBody)
        {
            yield return "body_value_conformance";
        }

        if (row.Headers.Count > 0)
        {
            yield return "header_conformance";
        }

        if (row.Known is not null)
        {
            yield return "known";
        }

        if (previous.Has(row))
        {
            yield return LastFailed.Category;
        }

        foreach (var tag in row.Tags)
        {
            yield return tag;
        }
    }

    /// <summary>
    /// What a built-in category marks (the suites give every case some of these: a pack tag may not take one, CT0122; the
    /// importer drafts such an OpenAPI tag as <c>&lt;tag&gt;_tag</c>); for a check's id that is no case's category
    /// (<see cref="CheckIdOnly"/>), reserved all the same, what it tags; null for a free name.
    /// </summary>
    public static string? BuiltIn(string tag) => tag switch
    {
        "invalid" => "invalid pack entry",
        "known" => "row marked known:",
        "settings" => "setting error",
        "pact" => "pact verification case",
        LastFailed.Category => "row, invalid entry or pact interaction that failed or broke in the previous run",
        [>= '1' and <= '5', 'x', 'x'] => "row expecting a status of that class",
        _ when Probing.ScenarioCatalog.Ids.Contains(tag) => "row of that scenario",
        _ when RowChecks.Contains(tag) => "row that check judges",
        _ when CheckIdOnly(tag) => "case that check failed, as an Allure tag",
        _ => null,
    };

    /// <summary>
    /// The checks whose id is a row's category (<see cref="Of(StatusRow, LastFailed)"/>): the status check judges every row,
    /// the body and header value checks the rows that assert <c>body:</c> or <c>headers:</c>. Whether the other checks judge
    /// a case depends on the response, so no case has their ids as categories.
    /// </summary>
    public static IReadOnlyList<string> RowChecks { get; } = ["status_code_conformance", "body_value_conformance", "header_conformance"];

    /// <summary>
    /// True for a check's id that is no case's category: a pack tag may not take it all the same, since Allure tags a
    /// case with a check's id when that check fails (CT0122, <see cref="TagsReader"/>).
    /// </summary>
    public static bool CheckIdOnly(string tag) => Checks.CheckCatalog.Ids.Contains(tag) && !RowChecks.Contains(tag);

    public static IEnumerable<string> Of(Reporting.PactInteraction interaction, LastFailed previous)
    {
        yield return "pact";
        if (!interaction.IsSource)
        {
            yield return interaction.Provider; // a pact source's case names no provider
        }

        if (previous.Has(interaction))
        {
            yield return LastFailed.Category;
        }
    }

    public static IEnumerable<string> Of(InvalidEntry entry, LastFailed previous)
    {
        yield return entry.Api;
        yield return "invalid";
        if (previous.Has(entry))
        {
            yield return LastFailed.Category;
        }
    }
}
