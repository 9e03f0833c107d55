using Conformance.ReferenceApi.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Conformance.ReferenceApi;

/// <summary>Builds the reference API host: every pack's API under its own prefix (/ringcentral, /callrail, ...).</summary>
internal static class ReferenceHost
{
    /// <summary>For `dotnet run -- --urls http://127.0.0.1:5080 [--faults a,b]`.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var faults = (builder.Configuration["faults"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Build(builder, new ReferenceOptions { Faults = faults.ToHashSet(StringComparer.Ordinal) }, TimeProvider.System);
    }

    public static WebApplication Build(WebApplicationBuilder builder, ReferenceOptions options, TimeProvider time)
    {
        if (options.Validate() is { } errors)
        {
            throw new ArgumentException(errors, nameof(options));
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        ApiCatalog.MapAll(app, options, time);
        return app;
    }
}
