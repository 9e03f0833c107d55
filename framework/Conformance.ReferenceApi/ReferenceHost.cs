using Microsoft.AspNetCore.Builder;

namespace Conformance.ReferenceApi;

/// <summary>Builds the reference API host; the suites start it in-process on 127.0.0.1 port 0.</summary>
public static class ReferenceHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        return app;
    }
}
