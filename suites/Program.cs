using System.Reflection;
using Conformance.Engine;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Services;

namespace Conformance.Suites;

/// <summary>
/// The suites' entry point (a Microsoft.Testing.Platform app): the platform's generated one, plus the default settings
/// file and the listing of the scorecard files (<see cref="ReportArtifacts"/>). <c>dotnet test suites</c> runs with <c>runsettings/local.runsettings</c> unless <c>--settings</c> names another.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var defaults = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == SettingsArguments.MetadataKey)?.Value;
        var arguments = SettingsArguments.WithDefault(args, defaults, File.Exists);
        var builder = await TestApplication.CreateBuilderAsync(arguments).ConfigureAwait(false);
        builder.AddSelfRegisteredExtensions(arguments);
        builder.TestHost.AddTestSessionLifetimeHandler(services => new ReportArtifacts(services.GetMessageBus()));
        using var app = await builder.BuildAsync().ConfigureAwait(false);
        return await app.RunAsync().ConfigureAwait(false);
    }
}
