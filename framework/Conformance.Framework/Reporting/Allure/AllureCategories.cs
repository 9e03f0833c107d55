namespace Conformance.Reporting.Allure;

/// <summary>
/// The defect categories of <c>categories.json</c>. Each regex names the fixed title a check or the runner starts its
/// message with; the pattern form <c>[\s\S]*title[\s\S]*</c> matches in Allure 2 (Java, whole message) and Allure 3 (JS, search).
/// The first matching category wins, so the most specific come first.
/// </summary>
internal static class AllureCategories
{
    public static IReadOnlyList<AllureCategory> All { get; } =
    [
        Failed("Known issue (tracked by known:)", "Known issue: "),
        Failed("Known issue no longer reproduces (remove known:)", "Known issue no longer reproduces /"),
        Broken("Invalid contract", "Invalid contract:"),
        Broken("Invalid settings or no credential", "((Invalid run settings|Invalid target settings|No credential), no probe was sent|Invalid setting:)"),
        Broken("Target unreachable", "Target unreachable"),
        Broken("Request not sent or redirect not followed", "Not (sent|followed) \\("),
        Broken("Token request failed", "Token request failed"),
        Broken("Setup failed (no probe sent)", "Setup failed, no probe was sent:"),
        Broken("Inconclusive (throttled or unavailable)", "Inconclusive: "), // still 429/502/503/504, or a Retry-After too long to wait
        Broken("Response too large", "Response body larger than the cap"),
        Failed("Undocumented status", "Undocumented HTTP status code /"), // before the mismatch every undocumented answer also is
        Failed("Status mismatch", "Status code mismatch /"),
        Failed("Body schema violation", "(Body schema violation|Body is not JSON|Body names a member twice) /"),
        Failed("Header violation", "(Header violation|Content-Type mismatch|without (Allow|WWW-Authenticate) header|without (Retry-After|Location)|with the wrong challenge|with an invalid (Retry-After|Location)|whose Allow lists the rejected method) /"),
        Failed("Body value mismatch", "(Body value mismatch|Body should be empty|Body values cannot be read|with a body) /"),
        Failed("Server error", "Server error /"),
        Failed("Slow response", "Response too slow /"),
    ];

    public static string Json() => AllureJson.Serialize(All);

    private static AllureCategory Failed(string name, string title) => new(name, ["failed"], $"[\\s\\S]*{title}[\\s\\S]*");

    private static AllureCategory Broken(string name, string title) => new(name, ["broken"], $"[\\s\\S]*{title}[\\s\\S]*");
}

internal sealed record AllureCategory(string Name, IReadOnlyList<string> MatchedStatuses, string MessageRegex);
