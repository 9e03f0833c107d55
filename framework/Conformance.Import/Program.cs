namespace Conformance.Import;

/// <summary>
/// <c>dotnet run --project framework/Conformance.Import -- &lt;openapi file&gt; --name &lt;api&gt; [--out &lt;folder&gt;] [--force]</c>.
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => ImportCommand.RunAsync(args, Console.Out, Console.Error);
}
