namespace Conformance.Trx;

/// <summary>The run-wide facts of a TRX document: who ran what, where and when.</summary>
/// <param name="Id">The run's id (new for every run).</param>
/// <param name="User">The account that ran the tests (<c>runUser</c>).</param>
/// <param name="ComputerName">The machine the tests ran on.</param>
/// <param name="AssemblyPath">The test assembly (<c>storage</c> and <c>codeBase</c>).</param>
/// <param name="Started">When the test session started (creation, queuing and start times).</param>
/// <param name="Finished">When the test session finished.</param>
internal sealed record TrxRun(Guid Id, string User, string ComputerName, string AssemblyPath, DateTimeOffset Started, DateTimeOffset Finished)
{
    /// <summary>The run's name in the vstest style: <c>user@machine yyyy-MM-dd HH:mm:ss</c> (UTC).</summary>
    public string Name => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{User}@{ComputerName} {Started.UtcDateTime:yyyy-MM-dd HH:mm:ss}");

    /// <summary>A run on this machine, as the current user.</summary>
    public static TrxRun ForThisMachine(string assemblyPath, DateTimeOffset started, DateTimeOffset finished) =>
        new(Guid.NewGuid(), Environment.UserName, Environment.MachineName, assemblyPath, started, finished);
}
