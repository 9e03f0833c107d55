using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conformance.Import.Tests;

/// <summary>
/// A loopback API (127.0.0.1, port 0) that answers every request with <paramref name="answer"/>'s reply, for running a
/// drafted pack's rows against a target that does exactly what a test needs; disposing it stops it.
/// </summary>
internal sealed class StubApi : IAsyncDisposable
{
    private readonly WebApplication app;

    private StubApi(WebApplication app) => this.app = app;

    public Uri BaseUri => new(app.Urls.First() + "/");

    public static async Task<StubApi> StartAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(answer);
        await app.StartAsync();
        return new StubApi(app);
    }

    /// <summary>Runs the rows of the pack in <paramref name="pack"/> that <paramref name="which"/> selects against this API (with <c>allowMutation</c> when <paramref name="mutate"/>).</summary>
    public async Task<List<CaseResult>> RunAsync(string pack, Func<StatusRow, bool> which, bool mutate = false)
    {
        var loaded = PackLoader.Load(pack, Path.GetDirectoryName(pack)!);
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [$"{loaded.Name}.baseUrl"] = BaseUri.ToString() };
        if (mutate)
        {
            values[$"{loaded.Name}.allowMutation"] = "true";
        }

        using var run = new ConformanceRun(new ContractSet([loaded]), new SettingsSource(values.GetValueOrDefault, _ => null), null);
        var results = new List<CaseResult>();
        foreach (var row in loaded.Rows.Where(which))
        {
            results.Add(await run.Runner.RunAsync(row, CancellationToken.None));
        }

        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
