namespace Conformance.Pact;

/// <summary>Where the verifier reads pacts from: pact files, a folder of them, or a Pact Broker.</summary>
public abstract record PactSource
{
    private protected PactSource()
    {
    }

    /// <summary>Every pact in <paramref name="path"/> whose provider is the one being verified.</summary>
    public static PactSource Folder(string path) => new FolderSource(path);

    /// <summary>The given pact files.</summary>
    public static PactSource Files(IReadOnlyList<string> paths) => new FileSource(paths);

    /// <summary>Pacts from a broker, chosen by consumer version selectors.</summary>
    public static PactSource Broker(PactBrokerSource broker) => broker;
}

/// <summary>A folder of pact files.</summary>
/// <param name="Path">The folder.</param>
public sealed record FolderSource(string Path) : PactSource;

/// <summary>A list of pact files.</summary>
/// <param name="Paths">The files.</param>
public sealed record FileSource(IReadOnlyList<string> Paths) : PactSource;
