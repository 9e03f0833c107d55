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
        run.Redactor);

    /// <summary>The base address of the table files in the repository's web view (<see cref="SourceLinks"/>), or null.</summary>
    public string? SourceUrl { get; init; }

    public ApiPack? Pack(string api) => Packs.FirstOrDefault(p => p.Name == api);
}
