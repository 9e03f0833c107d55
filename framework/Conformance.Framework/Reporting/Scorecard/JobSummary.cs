namespace Conformance.Reporting.Scorecard;

/// <summary>
/// On GitHub Actions (<c>GITHUB_STEP_SUMMARY</c> names the job summary file), the scorecard is appended to the job's
/// summary page, where its Markdown tables render; through <c>dotnet test</c> too, since the file is written directly.
/// A card over the page's budget is replaced by where to find it.
/// </summary>
internal static class JobSummary
{
    /// <summary>GitHub takes at most 1 MiB per step summary; the card keeps well under it, beside other steps' writers.</summary>
    public const int MaxChars = 256 * 1024;

    public static void Append(Func<string, string?> env, string markdown, string file)
    {
        if (env("GITHUB_STEP_SUMMARY") is not { Length: > 0 } summary)
        {
            return;
        }

        var text = markdown.Length <= MaxChars
            ? markdown
            : $"# Conformance scorecard\n\nThe card is {markdown.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters, over this page's budget: see {file} in the run's artifacts.\n";
        File.AppendAllText(summary, "\n" + text);
    }
}
