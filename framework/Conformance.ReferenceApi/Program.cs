using Conformance.ReferenceApi;

await using var host = ReferenceHost.Build(args);
await host.RunAsync();
