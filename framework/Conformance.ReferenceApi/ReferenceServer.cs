using Conformance.ReferenceApi.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conformance.ReferenceApi;

/// <summary>The reference API in-process: Kestrel on 127.0.0.1, a free port, every shipped pack served.</summary>
public sealed class ReferenceServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ReferenceServer(WebApplication app, Uri baseUri, IReadOnlyList<string> apis)
    {
        this.app = app;
        BaseUri = baseUri;
        Apis = apis;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUri { get; }

    /// <summary>The APIs it hosts, one per shipped pack: <c>callrail</c>, <c>fonedynamics</c>, <c>notes</c>, ...</summary>
    public IReadOnlyList<string> Apis { get; }

    public static Task<ReferenceServer> StartAsync(ReferenceOptions? options = null, CancellationToken ct = default) =>
        StartAsync(options ?? new ReferenceOptions(), TimeProvider.System, ct);

    /// <summary>With an injected clock, so tests can pin the rate limit's window.</summary>
    internal static async Task<ReferenceServer> StartAsync(ReferenceOptions options, TimeProvider time, CancellationToken ct)
    {
        // No configuration reload: the default watches the content root (the current directory) with inotify, tree
        // and all, and then wakes for every file written below it, Allure results included. No ambient configuration
        // either: a Kestrel:Endpoints section (Kestrel__Endpoints__* variables) is bound in place of the loopback
        // address (0.0.0.0 was seen).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = ReferenceHost.Build(builder, options, time);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new ReferenceServer(app, new Uri(address.TrimEnd('/') + "/"), [.. ApiCatalog.Create(time).Select(a => a.Profile.Name)]);
    }

    /// <summary>
    /// http://127.0.0.1:{port}/{api}: the base URL a pack's operation paths are appended to; null for an API it does not
    /// host (a pack of one's own), whose probes would only meet 404s.
    /// </summary>
    public Uri? BaseUriFor(string api) => Apis.Contains(api, StringComparer.Ordinal) ? new(BaseUri, api) : null;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
