using System.Diagnostics;
using System.Globalization;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

// Runs every hostile route (plus a closed port) in one ConformanceRun, several rounds, and prints what survived.
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var tried = 0;
var survived = 0;
var wall = Stopwatch.StartNew();
long peakManaged = 0;
for (var round = 1; round <= rounds; round++)
{
    await using var server = HostileServer.Start(HostileRoutes.HandleAsync);
    var results = await HostileRun.RunAsync(server.BaseUri);
    peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: false));
    foreach (var result in results)
    {
        // Four routes are no fault, and must pass: /ok, /surrogate-pair (escaped surrogate pairs), /early-hints (a 103 before
        // the 200) and /http10-close (an HTTP/1.0 body ended by closing, one name in two objects).
        var faulty = result.CaseName is not ("hostile / ok / valid -> 200" or "hostile / surrogate_pair / valid -> 200"
            or "hostile / early_hints / valid -> 200" or "hostile / http10_close / valid -> 200");
        tried += faulty ? 1 : 0;
        var ok = faulty ? result.Verdict is Verdict.Broken or Verdict.Failed : result.Verdict == Verdict.Passed;
        survived += faulty && ok ? 1 : 0;
        if (round == 1)
        {
            Console.WriteLine($"{(ok ? "ok  " : "BAD ")} {result.Verdict,-7} {result.Duration.TotalMilliseconds,6:0} ms  {result.CaseName}: {result.Message.Split('\n')[faulty && result.Verdict == Verdict.Failed ? 1 : 0]}");
        }
    }
}

wall.Stop();
using var self = Process.GetCurrentProcess();
self.Refresh();
Console.WriteLine();
Console.WriteLine($"rounds:            {rounds} (timeoutSeconds={HostileRun.TimeoutSeconds}, maxBodyBytes={HostileRun.MaxBodyBytes})");
Console.WriteLine($"faults tried:      {tried}");
Console.WriteLine($"faults survived:   {survived} (each a Broken or Failed verdict of its own case; the four normal routes passed)");
Console.WriteLine($"total wall time:   {wall.Elapsed.TotalSeconds:0.00} s ({wall.Elapsed.TotalSeconds / rounds:0.00} s per round)");
Console.WriteLine($"peak working set:  {self.PeakWorkingSet64 / (1024.0 * 1024):0.0} MiB");
Console.WriteLine($"peak managed heap: {peakManaged / (1024.0 * 1024):0.0} MiB (GC.GetTotalMemory after each round)");
return survived == tried ? 0 : 1;
