using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Conformance.Reporting.Allure;

/// <summary>
/// <c>environment.properties</c>: whether the run was a dry run, the target per API (the embedded reference API named so,
/// and its TLS when not the system's), the framework version, the commit, the OS and the .NET runtime.
/// </summary>
internal static class EnvironmentInfo
{
    private static readonly string[] CommitVariables = ["GIT_COMMIT", "GITHUB_SHA", "BUILD_SOURCEVERSION", "CI_COMMIT_SHA"];

    public static IReadOnlyList<KeyValuePair<string, string>> Entries(ReportScope scope, Func<string, string?> env, Func<string?> gitHead)
    {
        var entries = new List<KeyValuePair<string, string>>();
        if (scope.DryRun)
        {
            entries.Add(new("dryRun", "true: nothing was sent to any target (conformance.dryRun); every case is skipped with the request it would send"));
        }

        foreach (var (api, url) in scope.BaseUrls.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            // As the scorecard's Target line: an API left on the embedded reference API must not read as a configured target.
            entries.Add(new($"target.{api}", scope.ReferenceApis.Contains(api) ? $"the embedded reference API ({scope.Shown(url)})" : scope.Shown(url)));
            if (scope.Tls.TryGetValue(api, out var tls))
            {
                entries.Add(new($"tls.{api}", tls));
            }
        }

        entries.Add(new("framework.version", FrameworkVersion()));
        entries.Add(new("git.commit", CommitVariables.Select(env).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? gitHead() ?? "unknown"));
        entries.Add(new("os", RuntimeInformation.OSDescription));
        entries.Add(new("dotnet", RuntimeInformation.FrameworkDescription));
        return entries;
    }

    public static string Properties(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in entries)
        {
            text.Append(Escape(key, true)).Append('=').Append(Escape(value, false)).Append('\n');
        }

        return text.ToString();
    }

    public static string FrameworkVersion() =>
        typeof(EnvironmentInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary><c>git rev-parse HEAD</c>, given two seconds; null when git is missing or slow.</summary>
    public static string? GitHead()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null || !git.WaitForExit(2000))
            {
                git?.Kill();
                return null;
            }

            var head = git.StandardOutput.ReadToEnd().Trim();
            return git.ExitCode == 0 && head.Length >= 7 ? head : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    internal static string WithoutUserInfo(Uri url) =>
        url.UserInfo.Length == 0 ? url.ToString() : new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();

    private static string Escape(string text, bool key)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
        return key ? escaped.Replace("=", "\\=", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal).Replace(" ", "\\ ", StringComparison.Ordinal) : escaped;
    }
}
