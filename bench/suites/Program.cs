using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Conformance.ReferenceApi;

// usage: Conformance.Bench.Suites REQUESTS_JSON CONCURRENCY
//        Conformance.Bench.Suites pipeline CONTRACTS_DIR CONCURRENCY ALLURE_DIR|off   (see PipelineBench)
// Starts the reference API in-process (as the suites do), sends every request of REQUESTS_JSON once with CONCURRENCY
// workers over one HttpClient, reads each body fully, and prints one JSON line: requests, seconds, rate, mismatches.
if (args[0] == "pipeline")
{
    return await Conformance.Bench.Suites.PipelineBench.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
}

var requests = JsonSerializer.Deserialize<List<BenchRequest>>(File.ReadAllText(args[0]), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
var concurrency = int.Parse(args[1], CultureInfo.InvariantCulture);
await using var server = await ReferenceServer.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler
{
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.All,
    MaxConnectionsPerServer = concurrency,
    UseCookies = false,
})
{ BaseAddress = server.BaseUri };

await RunAsync(requests.Take(Math.Min(200, requests.Count)).ToList());
var watch = Stopwatch.StartNew();
var mismatches = await RunAsync(requests);
var seconds = watch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""{ "requests": {{requests.Count}}, "concurrency": {{concurrency}}, "seconds": {{seconds:0.000}}, "rate": {{requests.Count / seconds:0.0}}, "mismatches": {{mismatches}} }"""));
return mismatches == 0 ? 0 : 1;

async Task<int> RunAsync(List<BenchRequest> batch)
{
    var next = -1;
    var mismatched = 0;
    var workers = Enumerable.Range(0, concurrency).Select(async worker =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < batch.Count)
        {
            var r = batch[i];
            using var message = new HttpRequestMessage(new HttpMethod(r.Method), r.Path.TrimStart('/'));
            foreach (var header in r.Headers.Where(h => h[0] != "Content-Type"))
            {
                message.Headers.TryAddWithoutValidation(header[0], header[1]);
            }

            if (r.Body is not null)
            {
                message.Content = new StringContent(r.Body, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(message);
            _ = await response.Content.ReadAsByteArrayAsync();
            if ((int)response.StatusCode != r.Expect)
            {
                Interlocked.Increment(ref mismatched);
            }
        }
    });
    await Task.WhenAll(workers);
    return mismatched;
}

internal sealed record BenchRequest(string Method, string Path, List<string[]> Headers, string? Body, int Expect);
