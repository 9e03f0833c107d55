using Conformance.Diagnostics;
using Conformance.Reporting.Allure;
using Conformance.Targets;

namespace Conformance.Reporting;

/// <summary>
/// Checks once, before the first case, that every report the run is asked to write has a place it can be written to
/// (and that <c>conformance.sourceUrl</c>, which the Allure results link rows under, is a web address):
/// the Allure results folder (or, with Allure off, the scorecard's folder), the JUnit report and the timings file.
/// Each folder is created when missing and a file is tried in it (created and removed at once), so a setting naming a
/// file where a folder belongs, a folder where a file belongs, or a place nothing can be written to is one CT0303 error
/// among the run's setting errors, listed with the others, instead of a report that silently never appears.
/// </summary>
internal static class ReportPlaces
{
    private const string Scope = ReportLocation.Scope;

    /// <param name="testResultsDirectory">The folder relative report settings are taken from (<see cref="ReportLocation.Resolve"/>).</param>
    public static IReadOnlyList<Diagnostic> Check(SettingsSource settings, string? testResultsDirectory)
    {
        var errors = new List<Diagnostic>();
        var baseDirectory = ReportLocation.BaseDirectory(testResultsDirectory);
        var allure = settings.Get(Scope, ReportLocation.Key)?.Trim();
        if (string.Equals(allure, "off", StringComparison.OrdinalIgnoreCase))
        {
            Folder(ReportLocation.Key, baseDirectory, "the scorecard goes to the test results folder while conformance.allureResults is off", errors);
        }
        else
        {
            var folder = allure is null ? Path.Combine(baseDirectory, "allure-results") : Full(ReportLocation.Key, allure, baseDirectory, errors);
            if (folder is not null)
            {
                Folder(ReportLocation.Key, folder, $"{SettingsSource.Describe(Scope, ReportLocation.Key)} names the folder the Allure results and the scorecard go to", errors);
            }
        }

        if (settings.Get(Scope, ReportLocation.JUnitKey)?.Trim() is { Length: > 0 } junit && !string.Equals(junit, "off", StringComparison.OrdinalIgnoreCase))
        {
            ReportFile(ReportLocation.JUnitKey, junit, baseDirectory, "the JUnit XML report", "junit.xml", errors);
        }

        if (settings.Get(Scope, "timings")?.Trim() is { Length: > 0 } timings)
        {
            ReportFile("timings", timings, Directory.GetCurrentDirectory(), "the run's timings (JSON)", "timings.json", errors);
        }

        // Each Allure result links its table row under this address: anything but a web address gave every result a dead
        // link (a relative one, resolved against the report's own page) or one that runs script when clicked (javascript:).
        if (settings.Get(Scope, "sourceUrl")?.Trim() is { Length: > 0 } source
            && !(Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Host.Length > 0))
        {
            errors.Add(Error("sourceUrl", $"{SettingValue.Quoted(source)} is not an absolute http(s) URL", $"{SettingsSource.Describe(Scope, "sourceUrl")} is the web address the Allure results link each case's table row under", "Give the address of the repository's files in its web view, such as https://github.com/acme/api-tests/blob/main."));
        }

        return errors;
    }

    private static string? Full(string key, string text, string baseDirectory, List<Diagnostic> errors)
    {
        var why = $"{SettingsSource.Describe(Scope, key)} takes a path";
        if (text.Any(char.IsControl))
        {
            errors.Add(Error(key, $"{SettingValue.Quoted(text)} holds a control character", why, "Give the path without control characters."));
            return null;
        }

        var full = ReportLocation.FullOrNull(text, baseDirectory);
        if (full is null)
        {
            errors.Add(Error(key, $"{SettingValue.Quoted(text)} is not a path", why, "Give a folder or file path."));
        }

        return full;
    }

    private static void ReportFile(string key, string text, string baseDirectory, string what, string example, List<Diagnostic> errors)
    {
        if (Full(key, text, baseDirectory, errors) is not { } file)
        {
            return;
        }

        var why = $"{SettingsSource.Describe(Scope, key)} names the file {what} is written to";
        if (Directory.Exists(file) || text.EndsWith('/') || text.EndsWith(Path.DirectorySeparatorChar))
        {
            errors.Add(Error(key, $"{file} is a folder", why, $"Name a file in it, such as {Path.Combine(Path.TrimEndingDirectorySeparator(file), example)}."));
            return;
        }

        Folder(key, Path.GetDirectoryName(file)!, why, errors);
    }

    private static void Folder(string key, string folder, string why, List<Diagnostic> errors)
    {
        var fix = $"Name a folder the run may write to (it is created when missing){(key == ReportLocation.Key ? ", or set conformance.allureResults=off" : string.Empty)}.";
        if (File.Exists(folder))
        {
            errors.Add(Error(key, $"{folder} is a file, not a folder", why, fix));
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(Error(key, $"The folder {folder} cannot be created ({ex.Message.TrimEnd('.')})", why, fix));
            return;
        }

        try
        {
            using var probe = new FileStream(Path.Combine(folder, $".conformance-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(Error(key, $"Nothing can be written in the folder {folder} ({ex.Message.TrimEnd('.')})", why, fix));
        }
    }

    private static Diagnostic Error(string key, string what, string why, string fix) =>
        TargetResolver.Error(ErrorCodes.InvalidSetting, Scope, key, what, why, fix);
}
