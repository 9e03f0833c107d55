using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Conformance.Reporting;

// Times Redactor.Text on bodies of 1 MiB (1,048,576 characters) of several kinds, none holding a secret, ROUNDS calls
// each (default 15, after 5 warm-up calls): the process's CPU per call (every thread: the GC's and the JIT's too), the
// median and the fastest call's wall time (the fastest is the steadiest figure on a busy machine), and the characters per
// second at the median. BENCH_ONLY=<start of a name> times those bodies alone.
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var redactor = new Redactor(["Tok+LEAK/9f8E7d6c5B4a3f2e==", "cWE6dG9rLUxFQUstN2YzYTlj", "sk_live_51Habc9d8e7f6a5b4"], []);
var random = new Random(42);
const int Size = 1 << 20;
var words = "the quick brown fox jumps over lazy dog order status shipped pending customer address street city".Split(' ');

var bodies = new (string Name, string Body)[]
{
    ("json, no escapes, no base64", Fill(i => $"{{\"id\":{i},\"name\":\"{Words(6)}\",\"status\":\"{words[i % words.Length]}\",\"total\":{i * 7 % 1000}.{i % 100:00}}},")),
    ("json, ids: uuid, sha256 base64, base64url id, jwt", Fill(i => $"{{\"id\":\"{Guid.NewGuid()}\",\"hash\":\"{Convert.ToBase64String(SHA256.HashData(BitConverter.GetBytes(i)))}\",\"ref\":\"{Url(Bytes(16))}\",\"doc\":\"eyJhbGciOiJIUzI1NiJ9.{Url(Encoding.UTF8.GetBytes($"{{\"sub\":\"user-{i}\",\"scope\":\"read write\"}}"))}.{Url(Bytes(32))}\"}},")),
    ("json, one base64 image", "{\"image\":\"" + Convert.ToBase64String(Bytes(Size / 4 * 3))[..(Size - 14)] + "\"}"),
    ("json, escapes (\\\" \\n \\u00e4 \\\\)", Fill(i => $"{{\"msg\":\"{Words(3)} \\\"quoted\\\" line\\nnext \\u00e4 C:\\\\dir\\\\{i}\"}},")),
    ("html, entities (&amp; &lt; &amp;amp;)", Fill(i => $"<p>{Words(4)} &amp; {Words(2)} &lt;b&gt; a?x=1&amp;amp;y={i}</p>\n")),
    ("urls, nested percent (%2F %252F)", Fill(i => $"https://app.example/cb?next=https%3A%2F%2Flogin.example%2Fa%3Fr%3D%252Fhome%252F{i} ")),
    ("text log, words and spaces", Fill(i => $"2026-12-01T04:00:{i % 60:00}Z INFO {Words(10)}\n")),
};

using var self = Process.GetCurrentProcess();
Console.WriteLine($"Redactor.Text, 3 secrets, bodies of {Size:N0} characters, {rounds} calls each after 5 warm-up calls");
Console.WriteLine($"{"body",-52} {"CPU ms",8} {"wall ms",8} {"min ms",8} {"M char/s",8}  (CPU: the process's, per call; wall: median and fastest call; rate: at the median)");
foreach (var (name, body) in bodies.Where(b => Environment.GetEnvironmentVariable("BENCH_ONLY") is not { } only || b.Name.StartsWith(only, StringComparison.Ordinal)))
{
    for (var i = 0; i < 5; i++)
    {
        _ = redactor.Text(body);
    }

    var times = new List<double>();
    string masked = body;
    var cpu = self.TotalProcessorTime;
    for (var i = 0; i < rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        masked = redactor.Text(body);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    self.Refresh();
    var perCall = (self.TotalProcessorTime - cpu).TotalMilliseconds / rounds;
    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine($"{name,-52} {perCall,8:0.00} {median,8:0.00} {times[0],8:0.00} {body.Length / median / 1000,8:0.0}{(ReferenceEquals(masked, body) || masked == body ? string.Empty : "  CHANGED")}");
}

string Fill(Func<int, string> item)
{
    var text = new StringBuilder(Size + 256);
    for (var i = 0; text.Length < Size; i++)
    {
        text.Append(item(i));
    }

    return text.ToString(0, Size);
}

string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]));

byte[] Bytes(int count)
{
    var bytes = new byte[count];
    random.NextBytes(bytes);
    return bytes;
}

static string Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
