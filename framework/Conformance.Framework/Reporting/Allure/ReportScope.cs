using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Tables;

namespace Conformance.Reporting.Allure;

/// <summary>What the reports need to know about the run besides the case results: packs, all rows, targets, the redactor.</summary>
public sealed record ReportScope(
    IReadOnlyList<ApiPack> Packs,
    IReadOnlyList<StatusRow> Rows,
    IReadOnlyDictionary<string, Uri> BaseUrls,
    Redactor Redactor)
{
    public static ReportScope From(ConformanceRun run) => new(
        run.Contracts.Packs.Select(p => p.Pack).OfType<ApiPack>().ToList(),
        run.Contracts.Rows.ToList(),
        run.Clients.ToDictionary(c => c.Key, c => c.Value.Options.BaseUrl, StringComparer.Ordinal),
        run.Redactor)
    {
        ReferenceApis = run.Clients.Where(c => c.Value.Options.IsReference).Select(c => c.Key).ToHashSet(StringComparer.Ordinal),
        DryRun = run.Settings.DryRun,
        Invalid = [.. run.Contracts.Invalid, .. run.SettingEntries],
        Interactions = run.PactInteractions,
        Tls = run.Clients.Select(c => (c.Key, Text: c.Value.Options.Tls.Describe())).Where(c => c.Text is not null).ToDictionary(c => c.Key, c => c.Text!, StringComparer.Ordinal),
    };

    /// <summary>What each API's TLS was other than the system's defaults: a private CA, a client certificate, not verified.</summary>
    public IReadOnlyDictionary<string, string> Tls { get; init; } = new Dictionary<string, string>();

    /// <summary>The APIs probed on the embedded reference API (no base URL configured).</summary>
    public IReadOnlySet<string> ReferenceApis { get; init; } = new HashSet<string>();

    /// <summary>
    /// The packs' invalid entries and the unknown settings' cases (CT0305), run or not (a filtered run keeps the verdicts of
    /// those it left out).
    /// </summary>
    public IReadOnlyList<InvalidEntry> Invalid { get; init; } = [];

    /// <summary>
    /// The pact interactions the suites hold, run or not (a filtered run keeps the verdicts of those it left out); null when
    /// the run has no pact source, which keeps every previous interaction's verdict.
    /// </summary>
    public IReadOnlyList<PactInteraction>? Interactions { get; init; }

    /// <summary>True when the run sent nothing (<c>conformance.dryRun</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>What each API was probed against, for the scorecard: the base URL as reports show it, or the reference API.</summary>
    public Dictionary<string, string> Targets() => BaseUrls.ToDictionary(
        b => b.Key,
        b => ReferenceApis.Contains(b.Key) ? $"the embedded reference API ({b.Value})" : Tls.TryGetValue(b.Key, out var tls) ? $"{Shown(b.Value)} ({tls})" : Shown(b.Value),
        StringComparer.Ordinal);

    /// <summary>A base URL as every report shows it: without user info, secrets masked.</summary>
    public string Shown(Uri baseUrl) => Redactor.Text(EnvironmentInfo.WithoutUserInfo(baseUrl));

    /// <summary>The base address of the table files in the repository's web view (<see cref="SourceLinks"/>), or null.</summary>
    public string? SourceUrl { get; init; }

    public ApiPack? Pack(string api) => Packs.FirstOrDefault(p => p.Name == api);
}
