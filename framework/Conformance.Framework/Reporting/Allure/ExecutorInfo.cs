using System.Globalization;

namespace Conformance.Reporting.Allure;

/// <summary><c>executor.json</c>: which CI ran the suites and where the build lives, from the CI's own environment variables.</summary>
internal sealed record ExecutorInfo(string Name, string Type, string? Url = null, int? BuildOrder = null, string? BuildName = null, string? BuildUrl = null, string? ReportName = null)
{
    public static ExecutorInfo Detect(Func<string, string?> env, string host)
    {
        string? Get(string name) => string.IsNullOrWhiteSpace(env(name)) ? null : env(name);
        int? Order(string name) => int.TryParse(Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

        if (Get("GITHUB_ACTIONS") is not null)
        {
            var server = Get("GITHUB_SERVER_URL") ?? "https://github.com";
            var run = Get("GITHUB_REPOSITORY") is { } repo && Get("GITHUB_RUN_ID") is { } id ? $"{server}/{repo}/actions/runs/{id}" : null;
            return new("GitHub Actions", "github", server, Order("GITHUB_RUN_NUMBER"), $"{Get("GITHUB_WORKFLOW") ?? "workflow"} #{Get("GITHUB_RUN_NUMBER")}", run, "Conformance");
        }

        if (Get("GITLAB_CI") is not null || Get("CI_PIPELINE_URL") is not null)
        {
            return new("GitLab CI", "gitlab", Get("CI_SERVER_URL"), Order("CI_PIPELINE_IID"), $"{Get("CI_PROJECT_PATH") ?? "pipeline"} #{Get("CI_PIPELINE_IID") ?? Get("CI_PIPELINE_ID")}", Get("CI_JOB_URL") ?? Get("CI_PIPELINE_URL"), "Conformance");
        }

        if (Get("TF_BUILD") is not null || Get("BUILD_BUILDURI") is not null)
        {
            var web = Get("SYSTEM_COLLECTIONURI") is { } collection && Get("SYSTEM_TEAMPROJECT") is { } project && Get("BUILD_BUILDID") is { } build
                ? $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={build}"
                : Get("BUILD_BUILDURI");
            return new("Azure DevOps", "azure", Get("SYSTEM_COLLECTIONURI"), Order("BUILD_BUILDID"), $"{Get("BUILD_DEFINITIONNAME") ?? "build"} #{Get("BUILD_BUILDNUMBER")}", web, "Conformance");
        }

        if (Get("JENKINS_URL") is not null || (Get("BUILD_URL") is not null && Get("JOB_NAME") is not null))
        {
            return new("Jenkins", "jenkins", Get("JENKINS_URL"), Order("BUILD_NUMBER"), $"{Get("JOB_NAME")} #{Get("BUILD_NUMBER")}", Get("BUILD_URL"), "Conformance");
        }

        return new("Local run", "local", null, null, $"local run on {host}", null, "Conformance");
    }

    public string Json() => AllureJson.Serialize(this);
}
